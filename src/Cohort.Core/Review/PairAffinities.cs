using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Catalogue;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Review;

/// <summary>
/// The affinity of every pair of a round, on the 0–1 scale every assignment path gives the solver and stores
/// (docs/affinity.md, "The stored affinity"): the blend (<see cref="AffinityBlend"/>) of the semantic similarity of the
/// subject's research statement and the reviewer's expertise text with the pair's keyword and tag points, rounded to
/// <see cref="AffinityBlend.ScoreDecimals"/> decimals, then moved by the reviewer's bid (<see cref="BidAdjustment"/>).
/// The semantic part is built once for the whole round, whichever of its subjects the facts hold, so a pair scores the
/// same for the solver, by hand and for a decline's replacement.
/// </summary>
public sealed class PairAffinities
{
    private readonly ReviewRoundFacts facts;
    private readonly SemanticAffinity semantic;
    private readonly IReadOnlyDictionary<int, int> itemOf;
    private readonly IReadOnlyDictionary<string, int> reviewerOf;

    internal PairAffinities(ReviewRoundFacts facts, SemanticAffinity semantic, IReadOnlyList<int> subjectIds, AffinityBlendOptions weights, int unitsWaiting)
    {
        (this.facts, this.semantic, Weights, UnitsWaiting) = (facts, semantic, weights, unitsWaiting);
        itemOf = subjectIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        reviewerOf = facts.Reviewers.Select((r, i) => (r.Profile.UserId, i)).ToDictionary(x => x.UserId, x => x.i);
    }

    public AffinityBlendOptions Weights { get; }

    /// <summary>
    /// Above <see cref="MeasureAffinities.MostEmbeddedInline"/>: how many of the round's sentences still wait for the
    /// background job, in which case no text was compared and every pair's semantic part is 0. Otherwise 0.
    /// </summary>
    public int UnitsWaiting { get; }

    /// <summary>How close in meaning the subject's research statement and the reviewer's expertise are, 0 to 1.</summary>
    public double SemanticOf(PoolReviewer reviewer, ReviewSubject subject) => semantic.Score(itemOf[subject.Id], reviewerOf[reviewer.Profile.UserId]);

    /// <summary>The pair's affinity before any bid: the blend, as the solver's score.</summary>
    public decimal BlendOf(PoolReviewer reviewer, ReviewSubject subject) =>
        AffinityBlend.Score(AffinityBlend.Of(SemanticOf(reviewer, subject), ReviewRoundFacts.ExpertiseAffinityOf(reviewer, subject), Weights));

    /// <summary>The pair's affinity: the blend moved by the reviewer's bid, 0 to 1.</summary>
    public decimal Of(PoolReviewer reviewer, ReviewSubject subject) => BidAdjustment.Apply(BlendOf(reviewer, subject), facts.BidOf(reviewer, subject));

    /// <summary>The sentence pairs that brought the two texts together, closest first: sentences of the blind research statement only.</summary>
    public IReadOnlyList<PhrasePair> Why(PoolReviewer reviewer, ReviewSubject subject, int count = 3) =>
        semantic.Why(itemOf[subject.Id], reviewerOf[reviewer.Profile.UserId], count);
}

/// <summary>
/// Builds a round's <see cref="PairAffinities"/>: reads every subject's research statement as the round's reviewers may
/// read it (<see cref="ResearchStatement"/>) and every pool reviewer's expertise (<see cref="ExpertiseText"/>), and
/// embeds them through the vector cache by <see cref="SemanticMethod.Chosen"/>.
/// </summary>
public sealed class MeasureAffinities(CohortDbContext db, EmbeddingCache cache, IOptions<AffinityBlendOptions> weights)
{
    /// <summary>
    /// The most sentences a request embeds itself for a stage 1 or 2 round, a few seconds of the model
    /// (docs/performance.md, "Affinity"). The background job embeds those statements ahead of use; when it is further
    /// behind than this (a season imported a minute ago), waiting for the model would hold the request for minutes, so
    /// the texts are not compared yet. A stream or extension round's answers are not embedded ahead, so its first
    /// assignment embeds them all, however many (a round of a stream's or an extension's applications is small).
    /// </summary>
    public const int MostEmbeddedInline = 200;

    public async Task<PairAffinities> OfAsync(ReviewRoundFacts facts, CancellationToken cancellation)
    {
        var subjectIds = await ReviewRoundFacts.SubjectIdsAsync(db, facts.Round, cancellation);
        // With the embedding's weight at 0 the texts would not count, so they are neither read nor embedded.
        bool compared = weights.Value.EmbeddingShare > 0;
        var statements = compared ? await StatementsAsync(facts.Round, subjectIds, cancellation) : subjectIds.Select(_ => "").ToList();
        var expertise = facts.Reviewers.Select(r => compared ? ExpertiseText.Of(r.Profile.ExpertiseStatement, r.Profile.Expertise) : "").ToList();

        // The job embeds the general applications' statements ahead; a stream or extension round's answers only ever get embedded here.
        var waiting = compared && ReadsGeneralApplications(facts.Round) ? (await cache.MissingAsync([.. statements.Concat(expertise).SelectMany(SemanticMethod.Chosen.UnitsOf)], cancellation)).Count : 0;
        if (waiting > MostEmbeddedInline)
        {
            (statements, expertise) = ([.. statements.Select(_ => "")], [.. expertise.Select(_ => "")]);
        }

        var semantic = await SemanticAffinity.BuildAsync(statements, expertise, cache, SemanticMethod.Chosen, cancellation);
        return new PairAffinities(facts, semantic, subjectIds, weights.Value, waiting > MostEmbeddedInline ? waiting : 0);
    }

    /// <summary>Whether the round's subjects are its season's general applications (stage 1 and 2), whose statements the season job embeds ahead.</summary>
    private static bool ReadsGeneralApplications(ReviewRound round) => round.Stage is StageKind.General or StageKind.Assessment;

    /// <summary>
    /// Each subject's statement in <paramref name="subjectIds"/>' order. Stage 1 and 2 subjects are general applications
    /// of the round's season, all read at once; a stream's or an extension round's subjects are read one by one.
    /// </summary>
    private async Task<List<string>> StatementsAsync(ReviewRound round, IReadOnlyList<int> subjectIds, CancellationToken cancellation)
    {
        if (ReadsGeneralApplications(round))
        {
            var ids = subjectIds.ToList();
            var texts = await ResearchStatement.OfGeneralApplicationsAsync(db, round.SeasonId, db.Applications.Where(a => ids.Contains(a.Id)), cancellation);
            return [.. subjectIds.Select(id => texts[id])];
        }

        var statements = new List<string>(subjectIds.Count);
        foreach (var id in subjectIds)
        {
            statements.Add(ResearchStatement.TextOf(await ResearchStatement.ReadAsync(db, round, id, cancellation)));
        }

        return statements;
    }
}
