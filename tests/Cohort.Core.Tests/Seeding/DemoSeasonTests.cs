using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Seeding;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Seeding;

/// <summary>The demo season flags every question that identifies the applicant, so its blind review hides the right answers.</summary>
public abstract class DemoSeasonTests(CoreServicesFixture core)
{
    [Fact]
    public async Task The_demo_flags_the_name_date_of_birth_organisation_and_link_questions_and_nothing_else()
    {
        var flags = await core.RunAsync<CohortDbContext, List<(string Key, IdentityFlag Identity)>>(async db =>
            (await db.Set<Question>().Select(q => new { q.Key, q.Identity }).ToListAsync())
            .Concat(await db.StreamQuestions.Select(q => new { q.Key, q.Identity }).ToListAsync())
            .Where(q => q.Identity != IdentityFlag.None).Select(q => (q.Key, q.Identity)).OrderBy(q => q.Key).ToList());
        var items = await core.RunAsync<CohortDbContext, int>(db => db.Set<Core.Assessments.AssessmentItem>().CountAsync(i => i.Identity != IdentityFlag.None));

        Assert.Equal(
            new[]
            {
                ("best-work", IdentityFlag.Link), ("date-of-birth", IdentityFlag.DateOfBirth), ("full-name", IdentityFlag.Name),
                ("organisation", IdentityFlag.Organisation), ("probe-repository", IdentityFlag.Link),
            },
            flags);
        Assert.Equal(0, items); // the demo's items ask for reasoning and code, never for who you are
    }

    [Fact]
    public async Task The_demo_reviewer_is_in_the_demo_seasons_pool()
    {
        var email = DemoSeason.Accounts.Single(a => a.Role == Cohort.Core.Accounts.Roles.Reviewer).Email;

        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.ReviewerProfiles.AnyAsync(p =>
            db.Seasons.Any(s => s.Id == p.SeasonId && s.Slug == DemoSeason.SeasonSlug) && db.Users.Any(u => u.Id == p.UserId && u.Email == email))));
    }
}

public sealed class DemoSeasonOnSqlite(SqliteCore core) : DemoSeasonTests(core), IClassFixture<SqliteCore>;

public sealed class DemoSeasonOnPostgres(PostgresCore core) : DemoSeasonTests(core), IClassFixture<PostgresCore>;
