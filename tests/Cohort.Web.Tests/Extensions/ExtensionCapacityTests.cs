using AngleSharp.Html.Dom;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Pipeline;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Extensions;

/// <summary>
/// An extension round over capacity refuses the excess acceptances, also when two admins accept at the same moment:
/// the round's version makes the second save fail and be judged again against what the first accepted.
/// </summary>
public abstract class ExtensionCapacityTests(CohortApp app)
{
    private readonly ExtensionsData data = new(app);

    private async Task<(List<int> Accepted, long Spent)> AcceptedAsync(int roundId) =>
        await app.WithDbAsync(async db =>
        {
            var accepted = await db.ExtensionApplications.Where(a => a.RoundId == roundId && a.State == ApplicationState.Advanced).ToListAsync();
            return (accepted.Select(a => a.Id).Order().ToList(), accepted.Sum(a => (long)a.RequestedAmount));
        });

    /// <summary>Each admin posts an acceptance of <paramref name="selections"/>[i] at once; the notices they read back.</summary>
    private async Task<string[]> AcceptAtOnceAsync(int roundId, params int[][] selections)
    {
        var browsers = new List<Browser>();
        try
        {
            var pages = new List<Browser.Page>();
            foreach (var _ in selections)
            {
                var browser = await app.AsAsync(Roles.Admin);
                browsers.Add(browser);
                pages.Add(await browser.GetAsync($"/admin/extensions/{roundId}"));
            }

            var posts = selections.Select((ids, i) => browsers[i].SubmitAsync(Ticked(pages[i], ids), "#decide",
                new Dictionary<string, string> { ["decision"] = nameof(Decision.Advance) }));
            return (await Task.WhenAll(posts)).Select(p => p.One(".notice")?.TextContent ?? p.Text).ToArray();
        }
        finally
        {
            browsers.ForEach(b => b.Dispose());
        }
    }

    /// <summary>The round's page with the boxes of <paramref name="ids"/> ticked, as the admin would.</summary>
    private static Browser.Page Ticked(Browser.Page page, IEnumerable<int> ids)
    {
        foreach (var id in ids)
        {
            ((IHtmlInputElement)page.One($"#select-{id}")!).IsChecked = true;
        }

        return page;
    }

    /// <summary><paramref name="count"/> new fellows' submitted applications to the round, each asking <paramref name="amount"/>, endorsed 4.</summary>
    private async Task<List<int>> ApplicationsAsync(int roundId, int count, int amount)
    {
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await data.ApplicationAsync(roundId, await data.FellowAsync(), amount, 4));
        }

        return ids;
    }

    [Fact]
    public async Task Acceptances_beyond_the_seats_are_refused_for_the_excess_with_their_names()
    {
        var roundId = await data.RoundAsync(seats: 2, budget: 1000);
        var ids = await ApplicationsAsync(roundId, 3, 100);

        var shown = (await AcceptAtOnceAsync(roundId, [.. ids])).Single();

        Assert.Contains($"Accepted: #{ids[0]}", shown, StringComparison.Ordinal);
        Assert.Contains($"Not accepted, over the round's capacity: #{ids[2]}", shown, StringComparison.Ordinal);
        Assert.Contains("all 2 seats are taken", shown, StringComparison.Ordinal);
        Assert.Equal([ids[0], ids[1]], (await AcceptedAsync(roundId)).Accepted);
    }

    [Fact]
    public async Task Concurrent_acceptances_never_exceed_the_seats()
    {
        var roundId = await data.RoundAsync(seats: 2, budget: 10_000);
        var ids = await ApplicationsAsync(roundId, 4, 100);

        var notices = await AcceptAtOnceAsync(roundId, [ids[0], ids[1]], [ids[2], ids[3]], [ids[3], ids[0]]);

        var (accepted, _) = await AcceptedAsync(roundId);
        Assert.Equal(2, accepted.Count);
        Assert.Contains(notices, n => n.Contains("over the round's capacity", StringComparison.Ordinal));
        var refusedByName = string.Join(" ", notices);
        Assert.All(ids.Except(accepted), id => Assert.Contains($"#{id}", refusedByName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_acceptances_never_exceed_the_budget()
    {
        var roundId = await data.RoundAsync(seats: 10, budget: 100);
        var ids = await ApplicationsAsync(roundId, 3, 60);

        var notices = await AcceptAtOnceAsync(roundId, [ids[0]], [ids[1]], [ids[2]]);

        var (accepted, spent) = await AcceptedAsync(roundId);
        Assert.Single(accepted);
        Assert.True(spent <= 100);
        Assert.Equal(2, notices.Count(n => n.Contains("of the budget is left", StringComparison.Ordinal)));
    }
}

public sealed class ExtensionCapacityOnSqlite(SqliteApp app) : ExtensionCapacityTests(app), IClassFixture<SqliteApp>;

public sealed class ExtensionCapacityOnPostgres(PostgresApp app) : ExtensionCapacityTests(app), IClassFixture<PostgresApp>;
