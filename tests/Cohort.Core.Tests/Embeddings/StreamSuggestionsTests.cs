using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Embeddings;

/// <summary>
/// The portal's stream suggestions on the demo season with two streams added far from its AI safety topics, each
/// described in words that paraphrase one applicant's research statement: the closest stream comes first with the
/// sentence pair that matched, only the applicant's own statement is read, nothing is suggested before stage 1 is
/// submitted, and nothing is written but the cache's vectors.
/// </summary>
public abstract class StreamSuggestionsTests(CoreServicesFixture core)
{
    private const string BeeStatement =
        "I want to study how honeybees and wild insects carry pollen between fruit trees in orchards. " +
        "My plan is to count visits to apple blossoms and relate them to the harvest.";

    private const string BeeStream =
        "Our group measures how bees and other pollinators fertilise the flowers of apple and pear orchards.\n\n" +
        "Fellows will record which insects visit blossoms and how the crop responds.";

    private const string WhaleStatement =
        "I would like to map where whales sing in the deep ocean using underwater microphones. " +
        "The recordings would show how shipping noise changes their songs.";

    private const string WhaleStream =
        "This stream listens to marine mammals with hydrophones placed far below the sea surface.\n\n" +
        "We ask how the sound of cargo ships alters the calls of humpback whales.";

    private readonly string unique = Guid.NewGuid().ToString("N")[..8];

    private Task<IReadOnlyList<StreamSuggestion>> SuggestAsync(string applicantId) =>
        core.RunAsync<StreamSuggestions, IReadOnlyList<StreamSuggestion>>(s => s.ForAsync(applicantId, TestContext.Current.CancellationToken));

    private const string BeeSlug = "orchard-pollinators";
    private const string WhaleSlug = "whale-song";

    /// <summary>Adds the two far-off streams to the current season unless an earlier test of the class did, and an applicant.</summary>
    private Task<string> ApplicantAsync(string who) => core.RunAsync<CohortDbContext, string>(async db =>
    {
        var trackId = await db.Tracks.Where(t => t.Season!.IsCurrent).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(TestContext.Current.CancellationToken);
        if (!await db.Streams.AnyAsync(s => s.Slug == BeeSlug, TestContext.Current.CancellationToken))
        {
            db.Streams.Add(new ResearchStream { Slug = BeeSlug, Name = "Orchard pollinators", TrackId = trackId, Capacity = 2, DescriptionMarkdown = BeeStream });
            db.Streams.Add(new ResearchStream { Slug = WhaleSlug, Name = "Whale song", TrackId = trackId, Capacity = 2, DescriptionMarkdown = WhaleStream });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return await ReviewPool.PersonAsync(db, $"{who}-{unique}@example.org");
    });

    private Task<int> ApplyAsync(string applicantId, string statement, ApplicationState state = ApplicationState.Submitted) => core.RunAsync<CohortDbContext, int>(async db =>
    {
        var id = await ReviewPool.ApplicationAsync(db, applicantId, "", statement);
        var application = await db.Applications.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken);
        (application.State, application.SubmittedAt) = (state, state == ApplicationState.Draft ? null : application.SubmittedAt);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return id;
    });

    [Fact]
    public async Task The_stream_that_paraphrases_the_statement_comes_first_with_the_sentences_that_matched()
    {
        var applicant = await ApplicantAsync("bees");
        await ApplyAsync(applicant, BeeStatement);

        var suggestions = await SuggestAsync(applicant);

        Assert.InRange(suggestions.Count, 1, StreamSuggestions.Most);
        var first = suggestions[0];
        Assert.Equal(BeeSlug, first.Slug);
        Assert.Contains(first.Why.ItemSentence, SentenceSplitter.Split(BeeStatement));
        Assert.Contains(first.Why.ReviewerSentence, SentenceSplitter.Split(SeasonTexts.PlainText(BeeStream)));
        Assert.InRange(first.Score, 0, 1);
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.Slug), suggestions.Select(s => s.Slug));
    }

    [Fact]
    public async Task Each_applicant_is_matched_on_their_own_statement_only()
    {
        var bees = await ApplicantAsync("bees");
        var whales = await ApplicantAsync("whales");
        await ApplyAsync(bees, BeeStatement);
        await ApplyAsync(whales, WhaleStatement);

        var forBees = await SuggestAsync(bees);
        var forWhales = await SuggestAsync(whales);

        Assert.Equal(BeeSlug, forBees[0].Slug);
        Assert.Equal(WhaleSlug, forWhales[0].Slug);
        Assert.All(forBees, s => Assert.Contains(s.Why.ItemSentence, SentenceSplitter.Split(BeeStatement)));
        Assert.All(forWhales, s => Assert.Contains(s.Why.ItemSentence, SentenceSplitter.Split(WhaleStatement)));
    }

    [Theory]
    [InlineData(ApplicationState.Draft)]
    [InlineData(ApplicationState.Withdrawn)]
    [InlineData(ApplicationState.Rejected)]
    public async Task Nothing_is_suggested_unless_stage_1_is_submitted_and_still_considered(ApplicationState state)
    {
        var applicant = await ApplicantAsync("draft");
        await ApplyAsync(applicant, BeeStatement, state);

        Assert.Empty(await SuggestAsync(applicant));
    }

    [Fact]
    public async Task Nothing_is_suggested_without_a_statement_or_an_application()
    {
        var silent = await ApplicantAsync("silent");
        var stranger = await ApplicantAsync("stranger");
        await ApplyAsync(silent, "   ");

        Assert.Empty(await SuggestAsync(silent));
        Assert.Empty(await SuggestAsync(stranger));
    }

    [Fact]
    public async Task Suggesting_writes_nothing_but_the_vectors_it_had_to_compute()
    {
        var applicant = await ApplicantAsync("reader");
        await ApplyAsync(applicant, $"{BeeStatement} Nobody has written this sentence before {unique}.");
        var (rowsBefore, vectorsBefore) = await RowCountsAsync();

        var suggestions = await SuggestAsync(applicant);
        var (rowsAfter, vectorsAfter) = await RowCountsAsync();

        Assert.NotEmpty(suggestions);
        Assert.True(vectorsAfter > vectorsBefore, "the statement's new sentence was embedded through the cache");
        Assert.Equal(rowsBefore, rowsAfter);
    }

    /// <summary>The rows of every table but the cache's, by table, and the cache's vectors.</summary>
    private Task<(SortedDictionary<string, long> Rows, int Vectors)> RowCountsAsync() =>
        core.RunAsync<CohortDbContext, (SortedDictionary<string, long>, int)>(async db =>
        {
            var cache = db.Model.FindEntityType(typeof(TextEmbedding))!.GetTableName();
            var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Where(t => t != cache))
            {
                // A table name cannot be a parameter; these come from the model, never from input.
#pragma warning disable EF1003
                rows[table] = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"").SingleAsync(TestContext.Current.CancellationToken);
#pragma warning restore EF1003
            }

            return (rows, await db.Set<TextEmbedding>().CountAsync(TestContext.Current.CancellationToken));
        });
}

public sealed class StreamSuggestionsOnSqlite(SqliteCore core) : StreamSuggestionsTests(core), IClassFixture<SqliteCore>;

public sealed class StreamSuggestionsOnPostgres(PostgresCore core) : StreamSuggestionsTests(core), IClassFixture<PostgresCore>;
