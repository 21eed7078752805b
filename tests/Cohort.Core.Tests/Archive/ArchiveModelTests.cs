using Cohort.Core.Accounts;
using Cohort.Core.Archive;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Archive;

/// <summary>
/// The season archive cannot go stale: every entity of the model is archived (found through its foreign keys to the
/// season, or listed) or excluded with a reason, and an entity added without either fails here.
/// </summary>
public sealed class ArchiveModelTests
{
    private static DbContextOptions<CohortDbContext> Options => new DbContextOptionsBuilder<CohortDbContext>().UseSqlite("Data Source=:memory:").Options;

    [Fact]
    public void Every_entity_of_the_model_is_archived_or_excluded_with_a_reason()
    {
        using var db = new CohortDbContext(Options);

        var model = ArchiveModel.For(db.Model);

        Assert.Empty(model.Unaccounted);
        Assert.All(ArchivedTypes.Excluded, excluded => Assert.False(string.IsNullOrWhiteSpace(excluded.Value)));
    }

    [Fact]
    public void Every_excluded_or_listed_entity_is_in_the_model_so_the_lists_do_not_go_stale_either()
    {
        using var db = new CohortDbContext(Options);
        var types = db.Model.GetEntityTypes().Select(t => t.ClrType).ToHashSet();

        Assert.All(ArchivedTypes.Excluded.Keys.Concat(ArchivedTypes.Referenced).Concat(ArchivedTypes.OfArchivedAccounts).Concat(ArchivedTypes.BySubject),
            type => Assert.Contains(type, types));
        Assert.All(ArchiveSubjects.Names, name => Assert.Contains(ArchiveModel.For(db.Model).Archived, t => t.ClrType == name.Entity));
    }

    [Fact]
    public void An_entity_added_to_the_model_with_no_foreign_key_to_the_season_and_not_listed_is_reported_unaccounted()
    {
        using var db = new WithStray(Options);

        Assert.Equal([typeof(Stray)], ArchiveModel.For(db.Model).Unaccounted);
    }

    [Fact]
    public void An_entity_added_with_a_foreign_key_chain_to_the_season_is_archived_after_its_principal_without_being_listed()
    {
        using var db = new WithTrackNote(Options);
        var model = ArchiveModel.For(db.Model);
        var order = model.Archived.Select(t => t.ClrType).ToList();

        Assert.Empty(model.Unaccounted);
        Assert.Contains(model.SeasonOwned, t => t.ClrType == typeof(TrackNote));
        Assert.True(order.IndexOf(typeof(Track)) < order.IndexOf(typeof(TrackNote)));
    }

    [Fact]
    public void Secrets_of_accounts_are_not_archive_columns()
    {
        using var db = new CohortDbContext(Options);
        var user = db.Model.FindEntityType(typeof(CohortUser))!;

        var columns = ArchiveModel.Columns(user).Select(c => c.Name).ToList();

        Assert.DoesNotContain(nameof(CohortUser.PasswordHash), columns);
        Assert.DoesNotContain(nameof(CohortUser.SecurityStamp), columns);
        Assert.Contains(nameof(CohortUser.Email), columns);
    }

    public sealed class Stray
    {
        public int Id { get; set; }
    }

    public sealed class TrackNote
    {
        public int Id { get; set; }
        public int TrackId { get; set; }
        public Track? Track { get; set; }
    }

    private sealed class WithStray(DbContextOptions<CohortDbContext> options) : CohortDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<Stray>();
        }
    }

    private sealed class WithTrackNote(DbContextOptions<CohortDbContext> options) : CohortDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder builder)
        {
            base.OnModelCreating(builder);
            builder.Entity<TrackNote>();
        }
    }
}
