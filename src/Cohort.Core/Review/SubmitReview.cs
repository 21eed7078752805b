using System.Globalization;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>What a reviewer typed into the review form, as posted: a value per criterion id, a recommendation, a comment.</summary>
public sealed record ReviewInput(IReadOnlyDictionary<int, string?> Scores, string? Recommendation, string? Comment);

/// <summary>One reason a review was not saved; <see cref="Field"/> is "criterion-{id}", "Recommendation", "Comment" or "" for the whole form.</summary>
public sealed record ReviewProblem(string Field, string Message);

/// <summary>The review as saved, or the problems that stopped it (then nothing was saved).</summary>
public sealed record ReviewOutcome(ReviewSubmission? Review, IReadOnlyList<ReviewProblem> Problems)
{
    public static ReviewOutcome Refused(string why) => new(null, [new ReviewProblem("", why)]);
}

/// <summary>
/// A reviewer submits, or changes, their review of one assignment: a score within the scale for every criterion of the
/// round's rubric, a recommendation and a comment. Taken only from the assigned reviewer, while they are in the current
/// season's pool without a conflict with the applicant, the round is open and the stage undecided; the
/// assignment becomes Submitted and the overall score is kept for score tables. Audited with the overall before and after.
/// </summary>
public sealed class SubmitReview(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public const int MaxCommentLength = 10_000;

    public async Task<ReviewOutcome> RunAsync(Actor reviewer, int assignmentId, ReviewInput input, CancellationToken cancellation = default)
    {
        var assignment = await db.ReviewAssignments.Include(a => a.Review).ThenInclude(r => r!.Scores)
            .Include(a => a.Round).ThenInclude(r => r!.Rubric).ThenInclude(r => r!.Criteria)
            .SingleOrDefaultAsync(a => a.Id == assignmentId, cancellation);
        if (Refusal(assignment, reviewer.UserId) is { } why)
        {
            return ReviewOutcome.Refused(why);
        }

        switch (await ReviewerAssignments.ReviewerAccessAsync(db, assignment!, await ReviewerScope.CurrentAsync(db, reviewer.UserId, cancellation), cancellation))
        {
            case AssignmentAccess.Missing:
                return ReviewOutcome.Refused("This is not one of your assignments: you are not in the current season's reviewer pool, or you have a conflict with the applicant.");
            case AssignmentAccess.ReadOnly:
                return ReviewOutcome.Refused("This application's stage has been decided, so its reviews can no longer change.");
        }

        var criteria = assignment!.Round!.Rubric!.Criteria.OrderBy(c => c.Position).ToList();
        var problems = new List<ReviewProblem>();
        var values = new Dictionary<int, int>();
        foreach (var criterion in criteria)
        {
            var text = input.Scores.GetValueOrDefault(criterion.Id)?.Trim();
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= criterion.ScaleMin && value <= criterion.ScaleMax)
            {
                values[criterion.Id] = value;
            }
            else
            {
                problems.Add(new($"criterion-{criterion.Id}", $"Score “{criterion.Name}” with a whole number from {criterion.ScaleMin} to {criterion.ScaleMax}."));
            }
        }

        // By name only: Enum.TryParse would also take "2" or "1,3".
        var named = input.Recommendation?.Trim();
        Recommendation? recommendation = Enum.GetNames<Recommendation>().Contains(named) ? Enum.Parse<Recommendation>(named!) : null;
        if (recommendation is null)
        {
            problems.Add(new(nameof(ReviewInput.Recommendation), "Choose an overall recommendation."));
        }

        var comment = input.Comment?.Trim() ?? "";
        if (comment.Length > MaxCommentLength)
        {
            problems.Add(new(nameof(ReviewInput.Comment), $"Keep the comment under {MaxCommentLength:N0} characters."));
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var review = assignment.Review;
        var first = review is null;
        var before = review is null ? "first review" : $"was {review.Overall.ToString("0.##", CultureInfo.InvariantCulture)}";
        if (review is null)
        {
            review = new ReviewSubmission { SubmittedAt = now };
            assignment.Review = review;
        }

        review.Recommendation = recommendation!.Value;
        review.Comment = comment;
        review.UpdatedAt = now;
        foreach (var criterion in criteria)
        {
            var score = review.Scores.SingleOrDefault(s => s.CriterionId == criterion.Id);
            if (score is null)
            {
                score = new CriterionScore { CriterionId = criterion.Id };
                review.Scores.Add(score);
            }

            score.Value = values[criterion.Id];
        }

        review.Overall = Overall(criteria.Select(c => (c, values[c.Id])));
        assignment.State = AssignmentState.Submitted;
        audit.Record(reviewer, first ? "review.submitted" : "review.updated", $"assignment:{assignment.Id}",
            $"round {assignment.Round.Name}: overall {review.Overall.ToString("0.##", CultureInfo.InvariantCulture)} ({before}), {recommendation.Value}");
        try
        {
            await db.SaveChangesAsync(cancellation);
            return new(review, []);
        }
        catch (DbUpdateException)
        {
            // Another window of the same reviewer saved this assignment at the same moment; that save stands.
            db.ChangeTracker.Clear();
            return ReviewOutcome.Refused("This review was being saved from another window at the same moment; reload to see it, then change it if needed.");
        }
    }

    /// <summary>The weighted mean of the criteria's values, each rescaled from its own scale to 0–10.</summary>
    public static double Overall(IEnumerable<(RubricCriterion Criterion, int Value)> scores)
    {
        var list = scores.ToList();
        var weights = list.Sum(s => s.Criterion.Weight);
        return weights <= 0 ? 0 : list.Sum(s => s.Criterion.Weight * 10.0 * (s.Value - s.Criterion.ScaleMin) / (s.Criterion.ScaleMax - s.Criterion.ScaleMin)) / weights;
    }

    private static string? Refusal(ReviewAssignment? assignment, string? reviewerId)
    {
        if (assignment is null || assignment.ReviewerId != reviewerId)
        {
            return "This is not one of your assignments.";
        }

        if (assignment.State == AssignmentState.Declined)
        {
            return "You declined this assignment, so it takes no review from you.";
        }

        if (assignment.Round!.Rubric!.Criteria.Count == 0)
        {
            return "The round's rubric has no criteria yet; ask an admin to add them.";
        }

        return assignment.Round.State switch
        {
            ReviewRoundState.Draft => "This round has not opened yet.",
            ReviewRoundState.Closed => "This round is closed, so its reviews can no longer change.",
            _ => null,
        };
    }
}
