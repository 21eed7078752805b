using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Review;

/// <summary>
/// One assigned application, rendered blind, and the review form. Only the assigned reviewer opens it, once the round
/// is open, and may change the review until the round closes or the stage is decided; admins read any assignment
/// without the form. Anyone else gets 403, for reading as for posting; the assigned reviewer gets 404 once out of the
/// current season's pool or in conflict with the applicant.
/// </summary>
public class AssignmentModel(CohortDbContext db, SubmitReview submit) : PageModel
{
    public ReviewAssignment Assignment { get; private set; } = null!;

    public AssignmentAccess Access { get; private set; }

    public BlindApplication Application { get; private set; } = null!;

    public IReadOnlyList<RubricCriterion> Criteria { get; private set; } = [];

    public string Reference => ReviewerAssignments.Reference(Assignment.Id);

    public string ReadOnlyReason =>
        Assignment.Round!.State == ReviewRoundState.Closed ? "the round is closed."
        : Assignment.ReviewerId == User.Id() ? "the application's stage has been decided."
        : "this is not your assignment.";

    /// <summary>Shown once, by the site layout, after a review is saved.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>The value given to each criterion, by criterion id, as posted ("Scores[12]").</summary>
    [BindProperty]
    public Dictionary<int, string?> Scores { get; set; } = [];

    [BindProperty]
    public string? Recommendation { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public static IReadOnlyList<(Recommendation Value, string Label)> Recommendations { get; } =
    [
        (Core.Review.Recommendation.StrongReject, "Strong reject"), (Core.Review.Recommendation.Reject, "Reject"),
        (Core.Review.Recommendation.Borderline, "Borderline"), (Core.Review.Recommendation.Accept, "Accept"),
        (Core.Review.Recommendation.StrongAccept, "Strong accept"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation)
    {
        if (await LoadAsync(id, cancellation) is { } refused)
        {
            return refused;
        }

        if (Assignment.Review is { } review)
        {
            Scores = review.Scores.ToDictionary(s => s.CriterionId, s => (string?)s.Value.ToString(CultureInfo.InvariantCulture));
            Recommendation = review.Recommendation.ToString();
            Comment = review.Comment;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellation)
    {
        if (await LoadAsync(id, cancellation) is { } refused)
        {
            return refused;
        }

        var outcome = await submit.RunAsync(User.AsActor(), id, new ReviewInput(Scores, Recommendation, Comment), cancellation);
        if (outcome.Review is { } review)
        {
            Notice = $"Saved your review of {Reference}: {review.Overall.ToString("0.#", CultureInfo.InvariantCulture)} of 10 overall.";
            return RedirectToPage("/Review/Assignment", new { id });
        }

        foreach (var problem in outcome.Problems)
        {
            ModelState.AddModelError(problem.Field.StartsWith("criterion-", StringComparison.Ordinal) ? $"Scores[{problem.Field["criterion-".Length..]}]" : problem.Field, problem.Message);
        }

        return Page();
    }

    /// <summary>Loads the assignment and what the reader may see; a result (404 or 403) when they may not open it.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellation)
    {
        var (assignment, access) = await ReviewerAssignments.FindAsync(db, id, User.Id(), User.IsInRole(Roles.Admin), cancellation);
        switch (access)
        {
            case AssignmentAccess.Missing:
                return NotFound();
            case AssignmentAccess.Refused:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        (Assignment, Access) = (assignment!, access);
        Criteria = assignment!.Round!.Rubric!.Criteria.OrderBy(c => c.Position).ToList();
        Application = await BlindApplication.ReadAsync(db, assignment, cancellation);
        return null;
    }
}
