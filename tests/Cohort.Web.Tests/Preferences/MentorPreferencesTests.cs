using Cohort.Core.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Preferences;

/// <summary>A stream's one list of preferences, through the mentors' pages with plain form posts (no JavaScript).</summary>
public abstract class MentorPreferencesTests(CohortApp app)
{
    private const string Form = "#stream-ranking";
    private static readonly string Url = $"/mentor/streams/{StreamsStageData.Coalition}/ranking";
    private readonly StreamsStageData data = new(app);

    private async Task<int[]> CoalitionApplicantsAsync(int count)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await data.ApplyAsync(await data.NewAsync(), StreamsStageData.Coalition, "Ranked");
        }

        return ids;
    }

    private async Task<List<(int Application, int Position, bool NotAcceptable)>> StoredAsync() =>
        (await app.WithDbAsync(db => db.StreamPreferences.Where(e => db.Streams.Any(s => s.Id == e.StreamId && s.Slug == StreamsStageData.Coalition))
            .OrderBy(e => e.Position).ToListAsync())).Select(e => (e.StreamApplicationId, e.Position, e.NotAcceptable)).ToList();

    [Fact]
    public async Task A_ranking_typed_without_javascript_is_saved_read_back_and_audited()
    {
        var (first, second, refused) = await CoalitionApplicantsAsync(3) is [var a, var b, var c] ? (a, b, c) : default;
        using var mentor = await app.AsAsync(Roles.Mentor);
        var page = await mentor.GetAsync(Url);

        var saved = await mentor.SubmitAsync(page, Form, PreferenceForms.Ranks(page, Form, new Dictionary<int, string> { [second] = "1", [first] = "2" }, refused));

        Assert.Null(saved.One(".problem"));
        Assert.Equal([(second, 1, false), (first, 2, false), (refused, 3, true)], await StoredAsync());
        Assert.Equal("1", saved.One($"{Form} tr[data-application='{second}'] input[data-rank]")!.GetAttribute("value"));
        Assert.NotNull(saved.One($"{Form} tr[data-application='{refused}'] input[type=checkbox][checked]"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "stream-ranking.saved").OrderByDescending(e => e.Id).Select(e => e.Details).FirstAsync());
        Assert.Contains($"after: 1. #{second}, 2. #{first}, 3. #{refused} (not acceptable)", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_again_replaces_the_whole_ranking_even_when_places_swap()
    {
        var (first, second) = await CoalitionApplicantsAsync(2) is [var a, var b] ? (a, b) : default;
        using var mentor = await app.AsAsync(Roles.Mentor);
        var page = await mentor.GetAsync(Url);
        var once = await mentor.SubmitAsync(page, Form, PreferenceForms.Ranks(page, Form, new Dictionary<int, string> { [first] = "1", [second] = "2" }));

        var twice = await mentor.SubmitAsync(once, Form, PreferenceForms.Ranks(once, Form, new Dictionary<int, string> { [second] = "1", [first] = "2" }));

        Assert.Null(twice.One(".problem"));
        Assert.Equal([(second, 1, false), (first, 2, false)], await StoredAsync());
    }

    [Fact]
    public async Task Coalition_mentors_see_each_others_input()
    {
        var (first, second) = await CoalitionApplicantsAsync(2) is [var a, var b] ? (a, b) : default;
        var co = await data.NewMentorOfAsync(StreamsStageData.Coalition);
        var coName = await app.WithDbAsync(db => db.Mentors.Where(m => m.UserId == co.Id).Select(m => m.Name).SingleAsync());
        using var coMentor = await data.SignInAsync(co);
        using var demoMentor = await app.AsAsync(Roles.Mentor);
        var page = await coMentor.GetAsync(Url);
        var values = PreferenceForms.Ranks(page, "#my-input", new Dictionary<int, string> { [second] = "1", [first] = "2" });
        values[PreferenceForms.RowOf(page, "#my-input", first) + ".Note"] = "Strong <b>probe</b> work";

        await coMentor.SubmitAsync(page, "#my-input", values);
        var seen = await demoMentor.GetAsync(Url);

        var section = seen.All("section.co-mentor").Single(s => s.QuerySelector("h3")!.TextContent == coName);
        var lines = section.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("1. ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Strong <b>probe</b> work", lines[1], StringComparison.Ordinal);
        Assert.Null(section.QuerySelector("b"));
        Assert.DoesNotContain(await StoredAsync(), e => e.Application == first || e.Application == second);
    }

    [Fact]
    public async Task A_ranking_that_names_an_applicant_who_did_not_apply_is_refused_and_nothing_is_saved()
    {
        var applicant = (await CoalitionApplicantsAsync(1))[0];
        var elsewhere = await data.ApplyAsync(await data.NewAsync(), StreamsStageData.Internals, "Applied elsewhere");
        using var mentor = await app.AsAsync(Roles.Mentor);
        var page = await mentor.GetAsync(Url);
        var before = await StoredAsync();
        var values = PreferenceForms.Ranks(page, Form, new Dictionary<int, string>());
        var row = PreferenceForms.RowOf(page, Form, applicant);
        values[row + ".StreamApplicationId"] = elsewhere.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values[row + ".Position"] = "1";

        var refused = await mentor.SubmitAsync(page, Form, values);

        Assert.Contains("names an applicant who did not apply to this stream", refused.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("1", "1", "Ranks must be the numbers 1 to 2")]
    [InlineData("1", "3", "Ranks must be the numbers 1 to 2")]
    [InlineData("0", "1", "Ranks must be the numbers 1 to 2")]
    [InlineData("first", "2", "Ranks must be whole numbers")]
    public async Task Duplicate_missing_or_garbage_ranks_are_refused_with_what_was_typed_kept(string one, string other, string message)
    {
        var (first, second) = await CoalitionApplicantsAsync(2) is [var a, var b] ? (a, b) : default;
        using var mentor = await app.AsAsync(Roles.Mentor);
        var page = await mentor.GetAsync(Url);
        var before = await StoredAsync();

        var refused = await mentor.SubmitAsync(page, Form, PreferenceForms.Ranks(page, Form, new Dictionary<int, string> { [first] = one, [second] = other }));

        Assert.Contains(message, refused.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(other, refused.One($"{Form} tr[data-application='{second}'] input[data-rank]")!.GetAttribute("value"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_mentor_of_another_stream_gets_404_reading_or_posting_this_streams_ranking()
    {
        var applicant = (await CoalitionApplicantsAsync(1))[0];
        await data.ApplyAsync(await data.NewAsync(), StreamsStageData.Internals, "Gives the other mentor a form");
        using var other = await data.SignInAsync(await data.NewMentorOfAsync(StreamsStageData.Internals));
        var own = await other.GetAsync($"/mentor/streams/{StreamsStageData.Internals}/ranking");
        var before = await StoredAsync();
        var token = own.One($"{Form} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var read = await other.GetAsync(Url);
        using var posted = await other.Client.PostAsync(Url + "?handler=Ranking", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Ranking[0].StreamApplicationId"] = applicant.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Ranking[0].Position"] = "1",
        }));

        Assert.Equal(200, own.Status);
        Assert.Equal(404, read.Status);
        Assert.Equal(404, (int)posted.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }
}

public sealed class MentorPreferencesOnSqlite(SqliteApp app) : MentorPreferencesTests(app), IClassFixture<SqliteApp>;

public sealed class MentorPreferencesOnPostgres(PostgresApp app) : MentorPreferencesTests(app), IClassFixture<PostgresApp>;
