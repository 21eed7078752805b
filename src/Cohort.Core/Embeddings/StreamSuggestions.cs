using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Embeddings;

/// <summary>A stream whose description is close to the applicant's research statement, and the two sentences closest between them.</summary>
public sealed record StreamSuggestion(string Slug, string Name, double Score, PhrasePair Why);

/// <summary>
/// The current season's streams closest in meaning to one applicant's research statement (their own words, read from
/// their submitted general application), each with the sentence pair that brings them together: the "streams close to
/// your research statement" of the portal. Scored by <see cref="SemanticAffinity"/> with the app's method, statement
/// against each stream's description as its public page shows it, through the cache. Suggestions only: this reads and
/// decides nothing (the only rows it may add are the cache's vectors of texts not embedded yet).
/// </summary>
public sealed class StreamSuggestions(CohortDbContext db, EmbeddingCache cache)
{
    /// <summary>How many streams the portal suggests: a short list to read, not a ranking of the season.</summary>
    public const int Most = 3;

    /// <summary>Where a general application has been submitted and is still in the selection: withdrawn or rejected ones get no suggestions.</summary>
    private static readonly ApplicationState[] Considered = [ApplicationState.Submitted, ApplicationState.Advanced, ApplicationState.Waitlisted];

    /// <summary>
    /// The closest streams to <paramref name="applicantId"/>'s research statement, closest first; none before their
    /// stage 1 is submitted, when they answered no research statement, or when the season has no stream described.
    /// </summary>
    public async Task<IReadOnlyList<StreamSuggestion>> ForAsync(string applicantId, CancellationToken cancellation)
    {
        if (await db.Seasons.AsNoTracking().CurrentAsync(cancellation) is not { Id: var seasonId })
        {
            return [];
        }

        var statement = await StatementAsync(applicantId, seasonId, cancellation);
        if (SentenceSplitter.Split(statement).Count == 0)
        {
            return [];
        }

        var streams = (await db.Streams.AsNoTracking().Where(s => s.Track!.SeasonId == seasonId).OrderBy(s => s.Name)
                .Select(s => new { s.Slug, s.Name, s.DescriptionMarkdown }).ToListAsync(cancellation))
            .Select(s => (s.Slug, s.Name, Text: SeasonTexts.PlainText(s.DescriptionMarkdown)))
            .Where(s => SentenceSplitter.Split(s.Text).Count > 0).ToList();
        if (streams.Count == 0)
        {
            return [];
        }

        var affinity = await SemanticAffinity.BuildAsync([statement], [.. streams.Select(s => s.Text)], cache, SemanticMethod.Chosen, cancellation);
        return [.. streams.Select((stream, i) => new StreamSuggestion(stream.Slug, stream.Name, affinity.Score(0, i), affinity.Why(0, i, count: 1)[0]))
            .Where(s => s.Score > 0).OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(Most)];
    }

    /// <summary>The applicant's own research statement in season <paramref name="seasonId"/>, empty unless their general application is submitted.</summary>
    private async Task<string> StatementAsync(string applicantId, int seasonId, CancellationToken cancellation)
    {
        // Filtered by the applicant's own id, never an id from a request: nobody's statement is read for another.
        var application = await db.Applications.AsNoTracking().Include(a => a.Answers)
            .Where(a => a.ApplicantId == applicantId && a.Form!.SeasonId == seasonId && a.Form.Kind == FormKind.General && Considered.Contains(a.State))
            .SingleOrDefaultAsync(cancellation);
        if (application is null)
        {
            return "";
        }

        var questions = await db.Set<Question>().AsNoTracking().Where(q => q.FormId == application.FormId).OrderBy(q => q.Position).ToListAsync(cancellation);
        return ResearchStatement.OwnText([.. questions.Select(q => new GivenAnswer(q, application.Answers.SingleOrDefault(a => a.QuestionId == q.Id)?.Value ?? ""))]);
    }
}
