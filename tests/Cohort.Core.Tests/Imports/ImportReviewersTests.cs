using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Imports;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Imports;

/// <summary>The reviewer pool from CSV: all or nothing, problems by line and column, a second import changes nothing.</summary>
public abstract class ImportReviewersTests(CoreServicesFixture core)
{
    private Task<ReviewerImportReport> RunAsync(string csv, bool dryRun = false) =>
        core.RunAsync<ImportReviewers, ReviewerImportReport>(import => import.RunAsync(csv, dryRun, Actor.CommandLine));

    private Task<string> CountsAsync() => core.RunAsync<CohortDbContext, string>(async db =>
        $"profiles {await db.ReviewerProfiles.CountAsync()}, conflicts {await db.ReviewerProfiles.SelectMany(p => p.Conflicts).CountAsync()}, " +
        $"roles {await db.UserRoles.CountAsync()}, audit {await db.AuditEntries.CountAsync()}");

    private Task PersonAsync(string email, bool confirmed = true) => core.RunAsync<CohortDbContext, string>(async db =>
    {
        var id = await ReviewPool.PersonAsync(db, email);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, confirmed));
        return id;
    });

    [Fact]
    public async Task Reviewers_and_their_conflicts_are_imported_once_and_again_change_nothing()
    {
        await PersonAsync("pool.reviewer@lab.example.org");
        await PersonAsync("pool.applicant@example.com");
        const string csv = "\uFEFFemail,organisation,expertise,interests,minLoad,maxLoad,conflicts\r\n" +
            "pool.reviewer@lab.example.org,Example Lab,\"interpretability; evaluations\",control,2,12,pool.applicant@example.com\r\n";

        var dry = await RunAsync(csv, dryRun: true);
        var first = await RunAsync(csv);
        var counts = await CountsAsync();
        var again = await RunAsync(csv);

        Assert.Equal(RowChange.Created, dry.Rows.Single().Change);
        Assert.True(first.Written, string.Join("; ", first.Problems));
        Assert.Equal(1, first.Rows.Single().ConflictsAdded);
        Assert.Equal(RowChange.Unchanged, again.Rows.Single().Change);
        Assert.Equal(counts, await CountsAsync());
        var profile = await core.RunAsync<CohortDbContext, Core.Review.ReviewerProfile>(db => db.ReviewerProfiles.Include(p => p.Conflicts)
            .SingleAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == "pool.reviewer@lab.example.org")));
        Assert.Equal(["interpretability", "evaluations"], profile.Expertise);
        Assert.Equal((2, 12), (profile.MinLoad, profile.MaxLoad));
        Assert.Single(profile.Conflicts);
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.UserRoles.AnyAsync(r => r.UserId == profile.UserId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Reviewer"))));
    }

    [Fact]
    public async Task Bad_rows_are_refused_by_line_and_column_with_nothing_written()
    {
        await PersonAsync("bad.reviewer@example.org");
        await PersonAsync("unconfirmed.reviewer@example.org", confirmed: false);
        const string csv = "email,minLoad,maxLoad,conflicts,rating\n" +
            "bad.reviewer@example.org,5,2,nobody@example.org,\n" +
            "unconfirmed.reviewer@example.org,x,,,\n" +
            "bad.reviewer@example.org,,,,\n";
        var before = await CountsAsync();

        var unknownColumn = await RunAsync(csv);
        var report = await RunAsync(csv.Replace(",rating", "", StringComparison.Ordinal).Replace(",\n", "\n", StringComparison.Ordinal));

        Assert.Equal("line 1, column \"rating\"", unknownColumn.Problems.Single().Where);
        Assert.Equal(
            ["line 2, column \"conflicts\"", "line 2, column \"email\"", "line 2, column \"maxLoad\"", "line 3, column \"email\"", "line 3, column \"minLoad\"", "line 4, column \"email\""],
            report.Problems.Select(p => p.Where).Order(StringComparer.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }
}

public sealed class ImportReviewersOnSqlite(SqliteCore core) : ImportReviewersTests(core), IClassFixture<SqliteCore>;

public sealed class ImportReviewersOnPostgres(PostgresCore core) : ImportReviewersTests(core), IClassFixture<PostgresCore>;
