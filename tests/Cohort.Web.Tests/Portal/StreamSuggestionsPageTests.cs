using Cohort.Core.Applications;
using Cohort.Core.Embeddings;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Portal;

/// <summary>
/// The portal's "Streams close to your research statement": absent until stage 1 is submitted, then the demo streams
/// closest to the applicant's own statement, each linked to its public page with the sentences that matched, and the
/// line that they are suggestions only. Two applicants writing about two demo streams each see their own.
/// </summary>
public abstract class StreamSuggestionsPageTests(CohortApp app)
{
    private const string InternalsStatement =
        "I want to look inside language models to find the circuits behind specific behaviours. " +
        "I would locate the mechanisms with activation patching and sparse dictionary learning, then test whether the explanations agree.";

    private const string RobustnessStatement =
        "I plan to build multi-turn jailbreaks that combine several attack techniques. " +
        "Then I would evaluate whether classifier defences still hold against attacks they were not trained on.";

    private readonly StreamsStageData people = new(app);

    /// <summary>A new applicant whose general application is in <paramref name="state"/> with <paramref name="statement"/> as its research statement.</summary>
    private async Task<StreamsStageData.Person> ApplicantAsync(string statement, ApplicationState state)
    {
        var person = await people.NewAsync();
        await app.WithDbAsync(async db =>
        {
            var application = await db.Applications.SingleAsync(a => a.ApplicantId == person.Id);
            var question = await db.Set<Question>().SingleAsync(q => q.FormId == application.FormId && q.IsResearchStatement);
            (application.State, application.SubmittedAt) = (state, state == ApplicationState.Draft ? null : app.Clock.GetUtcNow().UtcDateTime);
            db.Add(new Answer { ApplicationId = application.Id, QuestionId = question.Id, Value = statement });
            return await db.SaveChangesAsync();
        });
        return person;
    }

    private async Task<Browser.Page> PortalOfAsync(StreamsStageData.Person person)
    {
        using var browser = await people.SignInAsync(person);
        var portal = await browser.GetAsync("/portal");
        Assert.Equal(200, portal.Status);
        return portal;
    }

    [Fact]
    public async Task Each_applicant_sees_the_streams_closest_to_their_own_statement_with_the_sentences_that_matched()
    {
        var internals = await ApplicantAsync(InternalsStatement, ApplicationState.Submitted);
        var robustness = await ApplicantAsync(RobustnessStatement, ApplicationState.Submitted);

        var forInternals = await PortalOfAsync(internals);
        var forRobustness = await PortalOfAsync(robustness);

        AssertSuggests(forInternals, "model-internals", InternalsStatement);
        AssertSuggests(forRobustness, "robustness", RobustnessStatement);
    }

    [Fact]
    public async Task Nothing_is_suggested_before_stage_1_is_submitted()
    {
        var drafting = await ApplicantAsync(InternalsStatement, ApplicationState.Draft);

        var portal = await PortalOfAsync(drafting);

        Assert.Null(portal.One("#stream-suggestions"));
        Assert.Null(portal.One("[data-suggested-stream]"));
    }

    private static void AssertSuggests(Browser.Page portal, string streamSlug, string ownStatement)
    {
        Assert.Equal("Streams close to your research statement", portal.One("h2#stream-suggestions")!.TextContent);
        Assert.Contains("suggestions only", portal.One("#suggestions-only")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("do not affect your selection", portal.One("#suggestions-only")!.TextContent, StringComparison.Ordinal);
        var suggested = portal.All("[data-suggested-stream]");
        Assert.InRange(suggested.Count, 1, StreamSuggestions.Most);
        Assert.Contains(streamSlug, suggested.Select(s => s.GetAttribute("data-suggested-stream")));
        Assert.All(suggested, s => Assert.Equal($"/streams/{s.GetAttribute("data-suggested-stream")}", s.QuerySelector("h3 a")!.GetAttribute("href")));
        // Only the applicant's own sentences are quoted, never another applicant's.
        var own = SentenceSplitter.Split(ownStatement);
        Assert.All(suggested, s => Assert.Contains(s.QuerySelector("q.statement-sentence")!.TextContent, own));
        Assert.All(suggested, s => Assert.False(string.IsNullOrWhiteSpace(s.QuerySelector("q.stream-sentence")!.TextContent)));
    }
}

public sealed class StreamSuggestionsPageOnSqlite(SqliteApp app) : StreamSuggestionsPageTests(app), IClassFixture<SqliteApp>;

public sealed class StreamSuggestionsPageOnPostgres(PostgresApp app) : StreamSuggestionsPageTests(app), IClassFixture<PostgresApp>;
