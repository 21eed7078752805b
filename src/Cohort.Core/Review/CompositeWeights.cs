using System.Globalization;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// The weights of a stage's composite. Every part a stage can weigh is offered: the season's stage 2 assessments
/// (their scores count at any later stage too) and the stage's review rounds; a weight of 0 leaves a part out.
/// </summary>
public sealed class CompositeWeights(CohortDbContext db, AuditLog audit)
{
    public const double MaxWeight = 100;

    /// <summary>Every part the stage can weigh in the current season, with its weight (0 when not set).</summary>
    public Task<IReadOnlyList<CompositePart>> CandidatesAsync(StageKind stage, CancellationToken cancellation = default) => CandidatesAsync(null, stage, cancellation);

    /// <summary>The same in season <paramref name="seasonId"/> (the current one when null).</summary>
    public async Task<IReadOnlyList<CompositePart>> CandidatesAsync(int? seasonId, StageKind stage, CancellationToken cancellation = default)
    {
        if (await db.Seasons.AsNoTracking().CurrentOrAsync(seasonId, cancellation) is not { } season)
        {
            return [];
        }

        var weights = await db.ScoreWeights.AsNoTracking().Where(w => w.SeasonId == season.Id && w.Stage == stage).ToListAsync(cancellation);
        var assessments = await Invitations.AssessmentStageOf(db, season.Id).AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Title }).ToListAsync(cancellation);
        var rounds = await db.ReviewRounds.AsNoTracking().Where(r => r.SeasonId == season.Id && r.Stage == stage).OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(cancellation);
        return
        [
            .. assessments.Select(a => new CompositePart(CompositePart.AssessmentKey(a.Id), $"Assessment: {a.Title}",
                weights.Where(w => w.AssessmentId == a.Id).Sum(w => w.Weight))),
            .. rounds.Select(r => new CompositePart(CompositePart.RoundKey(r.Id), $"Review round: {r.Name}",
                weights.Where(w => w.RoundId == r.Id).Sum(w => w.Weight))),
        ];
    }

    /// <summary>Replaces the stage's weights with <paramref name="weights"/> (by part key); returns a refusal, or null once saved.</summary>
    public async Task<string?> SetAsync(Actor actor, StageKind stage, IReadOnlyDictionary<string, double> weights, CancellationToken cancellation = default)
    {
        if (weights.Values.Any(w => !double.IsFinite(w) || w < 0 || w > MaxWeight))
        {
            return $"Each weight must be a number from 0 to {MaxWeight}.";
        }

        if (await db.Seasons.AsNoTracking().CurrentAsync(cancellation) is not { } season)
        {
            return "There is no current season.";
        }

        var candidates = await CandidatesAsync(stage, cancellation);
        if (weights.Keys.FirstOrDefault(k => candidates.All(c => c.Key != k)) is { } unknown)
        {
            return $"\"{unknown}\" is not a part of this stage's composite.";
        }

        db.ScoreWeights.RemoveRange(await db.ScoreWeights.Where(w => w.SeasonId == season.Id && w.Stage == stage).ToListAsync(cancellation));
        var kept = candidates.Where(c => weights.GetValueOrDefault(c.Key) > 0).ToList();
        db.ScoreWeights.AddRange(kept.Select(c => new ScoreWeight
        {
            SeasonId = season.Id,
            Stage = stage,
            AssessmentId = c.IsAssessment ? c.Id : null,
            RoundId = c.IsAssessment ? null : c.Id,
            Weight = weights[c.Key],
        }));
        audit.Record(actor, "composite.weights", $"stage:{StageKinds.Slug(stage)}",
            kept.Count == 0 ? "no composite" : string.Join("; ", kept.Select(c => $"{c.Name} × {weights[c.Key].ToString(CultureInfo.InvariantCulture)}")));
        await db.SaveChangesAsync(cancellation);
        return null;
    }
}
