using Cohort.Core.Accounts;
using Cohort.Core.Match;
using Cohort.Demo;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Admin;

/// <summary>Last year's season keeps its outcome readable: an admin page lists every season with the fellows who accepted.</summary>
public abstract class SeasonOutcomesTests(CohortApp app)
{
    [Fact]
    public async Task The_seasons_page_lists_last_years_fellows_by_stream_and_the_current_season_without_any()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoPastSeason>().SeedAsync(CohortApp.Demo);
        }

        var past = CohortApp.Demo.YearBefore.SeasonSlug;
        var accepted = await app.WithDbAsync(db => (
            from offer in db.Offers.Where(o => o.State == OfferState.Accepted && db.Seasons.Any(s => s.Slug == past && s.Id == o.SeasonId))
            join user in db.Users on offer.ApplicantId equals user.Id
            select user.DisplayName).ToListAsync());
        Assert.NotEmpty(accepted);
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync("/admin/seasons");

        var listed = page.All($"section[data-season='{past}'] tbody td[data-label=Fellow]").Select(td => td.TextContent).Order().ToList();
        Assert.Equal(accepted.Order().ToList(), listed);
        var current = await app.WithDbAsync(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Slug).SingleAsync());
        Assert.Contains("No offer has been accepted", page.One($"section[data-season='{current}']")!.TextContent);
    }
}

public sealed class SeasonOutcomesOnSqlite(SqliteApp app) : SeasonOutcomesTests(app), IClassFixture<SqliteApp>;

public sealed class SeasonOutcomesOnPostgres(PostgresApp app) : SeasonOutcomesTests(app), IClassFixture<PostgresApp>;
