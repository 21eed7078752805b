using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Preferences;

/// <summary>The applicant's order of their streams, through the portal: their own applications only, and until the deadline.</summary>
public abstract class ApplicantPreferencesTests(CohortApp app)
{
    private const string Url = "/portal/ranking";
    private const string Form = "#stream-ranking";
    private readonly StreamsStageData data = new(app);

    private async Task<(StreamsStageData.Person Applicant, int Coalition, int Internals)> InBothStreamsAsync()
    {
        var applicant = await data.NewAsync();
        return (applicant, await data.ApplyAsync(applicant, StreamsStageData.Coalition, "Both"), await data.ApplyAsync(applicant, StreamsStageData.Internals, "Both"));
    }

    private async Task<List<(int Application, int Position)>> StoredAsync(StreamsStageData.Person applicant) =>
        (await app.WithDbAsync(db => db.ApplicantStreamPreferences.Where(r => r.ApplicantId == applicant.Id).OrderBy(r => r.Position).ToListAsync()))
            .Select(r => (r.StreamApplicationId, r.Position)).ToList();

    [Fact]
    public async Task An_applicant_orders_their_streams_without_javascript_and_reads_the_order_back()
    {
        var (applicant, coalition, internals) = await InBothStreamsAsync();
        using var browser = await data.SignInAsync(applicant);
        var page = await browser.GetAsync(Url);

        var saved = await browser.SubmitAsync(page, Form, PreferenceForms.Ranks(page, Form, new Dictionary<int, string> { [internals] = "1", [coalition] = "2" }));

        Assert.Null(saved.One(".problem"));
        Assert.Equal([(internals, 1), (coalition, 2)], await StoredAsync(applicant));
        Assert.Equal([internals, coalition], saved.All($"{Form} tr[data-rank-row]").Select(r => int.Parse(r.GetAttribute("data-application")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "applicant-ranking.saved" && e.ActorId == applicant.Id)));
    }

    [Fact]
    public async Task An_applicant_cannot_see_or_post_another_applicants_stream_applications()
    {
        var (owner, _, _) = await InBothStreamsAsync();
        var (other, otherCoalition, _) = await InBothStreamsAsync();
        using var browser = await data.SignInAsync(owner);
        var page = await browser.GetAsync(Url);
        var values = PreferenceForms.Ranks(page, Form, new Dictionary<int, string>());
        foreach (var row in page.All($"{Form} tr[data-rank-row]").Select((_, index) => $"Ranking[{index}]"))
        {
            values[row + ".Position"] = row == "Ranking[0]" ? "1" : "2";
        }

        values["Ranking[0].StreamApplicationId"] = otherCoalition.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await browser.SubmitAsync(page, Form, values);

        Assert.DoesNotContain(otherCoalition.ToString(System.Globalization.CultureInfo.InvariantCulture), page.All($"{Form} tr[data-rank-row]").Select(r => r.GetAttribute("data-application")));
        Assert.Contains("not yours", refused.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(owner));
        Assert.Empty(await StoredAsync(other));
    }

    [Fact]
    public async Task Every_stream_needs_a_different_rank()
    {
        var (applicant, coalition, internals) = await InBothStreamsAsync();
        using var browser = await data.SignInAsync(applicant);
        var page = await browser.GetAsync(Url);

        var duplicate = await browser.SubmitAsync(page, Form, PreferenceForms.Ranks(page, Form, new Dictionary<int, string> { [internals] = "1", [coalition] = "1" }));
        var partial = await browser.SubmitAsync(page, Form, PreferenceForms.Ranks(page, Form, new Dictionary<int, string> { [internals] = "1" }));

        Assert.Contains("Ranks must be the numbers 1 to 2", duplicate.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rank every stream you applied to", partial.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(applicant));
    }

    [Fact]
    public async Task After_the_ranking_deadline_the_ranking_is_read_only_and_a_post_is_refused()
    {
        var (applicant, coalition, internals) = await InBothStreamsAsync();
        using var browser = await data.SignInAsync(applicant);
        var open = await browser.GetAsync(Url);
        await SetDeadlineAsync(app.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        try
        {
            var closed = await browser.GetAsync(Url);
            var refused = await browser.SubmitAsync(open, Form, PreferenceForms.Ranks(open, Form, new Dictionary<int, string> { [internals] = "1", [coalition] = "2" }));

            Assert.Null(closed.One(Form));
            Assert.Contains("Rankings closed on", closed.One("#ranking-deadline")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(closed.One("#ranking-deadline time[data-local][datetime$='Z']"));
            Assert.Contains("The ranking deadline passed", refused.One(".problem")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(await StoredAsync(applicant));
        }
        finally
        {
            await SetDeadlineAsync(null);
        }
    }

    private Task<int> SetDeadlineAsync(DateTime? deadline) =>
        app.WithDbAsync(async db =>
        {
            var season = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
            var settings = await db.MatchSettings.SingleOrDefaultAsync(s => s.SeasonId == season);
            if (settings is null)
            {
                settings = new Core.Match.MatchSettings { SeasonId = season };
                db.MatchSettings.Add(settings);
            }

            settings.RankingDeadline = deadline;
            return await db.SaveChangesAsync();
        });
}

public sealed class ApplicantPreferencesOnSqlite(SqliteApp app) : ApplicantPreferencesTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicantPreferencesOnPostgres(PostgresApp app) : ApplicantPreferencesTests(app), IClassFixture<PostgresApp>;
