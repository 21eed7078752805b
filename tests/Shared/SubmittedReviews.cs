using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

/// <summary>
/// Review rounds with submitted reviews put straight into a database, as the assignment and review pages would leave
/// them, so score table tests do not depend on those pages.
/// </summary>
public static class SubmittedReviews
{
    /// <summary>A round of <paramref name="stage"/> in the current season, with a one-criterion rubric of its own.</summary>
    public static async Task<ReviewRound> RoundAsync(CohortDbContext db, StageKind stage, ReviewRoundState state, string name, int? streamId = null)
    {
        var seasonId = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
        var rubric = new Rubric { SeasonId = seasonId, Name = $"Rubric of {name}", Criteria = { new RubricCriterion { Name = "Overall", ScaleMin = 0, ScaleMax = 10 } } };
        var round = new ReviewRound { SeasonId = seasonId, Stage = stage, StreamId = streamId, Name = name, Rubric = rubric, State = state, CreatedAt = DateTime.UtcNow };
        db.ReviewRounds.Add(round);
        await db.SaveChangesAsync();
        return round;
    }

    /// <summary>Reviewer accounts that act only through the database here.</summary>
    public static async Task<List<string>> ReviewersAsync(CohortDbContext db, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await AssessmentStageAttempts.AccountAsync(db, $"Scoring Reviewer {i}", $"scoring-reviewer-{Guid.NewGuid():N}@example.net"));
        }

        return ids;
    }

    /// <summary>One submitted review of <paramref name="subjectId"/> in <paramref name="round"/> with the given overall score.</summary>
    public static async Task ReviewAsync(CohortDbContext db, ReviewRound round, int subjectId, string reviewerId, double overall)
    {
        var now = DateTime.UtcNow;
        db.ReviewAssignments.Add(new ReviewAssignment
        {
            RoundId = round.Id, SubjectId = subjectId, ReviewerId = reviewerId, State = AssignmentState.Submitted, AssignedAt = now,
            Review = new ReviewSubmission { Recommendation = Recommendation.Borderline, Overall = overall, SubmittedAt = now, UpdatedAt = now },
        });
        await db.SaveChangesAsync();
    }
}
