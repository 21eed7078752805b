using Cohort.Core.Review;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Review.Rounds;

/// <summary>
/// One review round: its applications with their reviewers, the reviewers' loads, and the actions of its life: assign
/// by the solver (a draft), add or remove an assignment by hand, open, close. When the solver finds no assignment, or
/// an action is refused, the page says why and nothing is saved; the solver's refusal names the applications and the
/// reviewers' reasons, and offers to assign what can be assigned, after which the page lists the applications left short.
/// </summary>
public class ShowModel(CohortDbContext db, AuditLog audit, AssignReviewers assign, AssignReviewersByHand byHand, ChangeReviewRoundState change)
    : AuditedPage(db, audit)
{
    public sealed record SubjectRow(ReviewSubject Subject, IReadOnlyList<AssignmentRow> Assignments, int Active, bool NeedsReviewer);

    public sealed record AssignmentRow(ReviewAssignment Assignment, string Reviewer);

    public sealed record ReviewerRow(PoolReviewer Reviewer, int Load);

    public ReviewRound Round { get; private set; } = null!;

    public string? Stream { get; private set; }

    public List<SubjectRow> Subjects { get; private set; } = [];

    public List<ReviewerRow> Reviewers { get; private set; } = [];

    public List<SelectListItem> ReviewerChoices { get; private set; } = [];

    /// <summary>Why the last action changed nothing: the solver's diagnosis or a refusal.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The applications short of reviews and why: after a refusal, or after assigning what could be assigned.</summary>
    public AssignmentDiagnosis? Diagnosis { get; private set; }

    /// <summary>How many reviews "assign what can be assigned" just gave; null when it was not the last action.</summary>
    public int? AssignedPartly { get; private set; }

    public int NeedingReviewers => Subjects.Count(s => s.NeedsReviewer);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken cancellation)
    {
        var outcome = await assign.RunAsync(User.AsActor(), id, cancellation);
        Diagnosis = outcome.Diagnosis;
        return await AfterAsync(id, outcome.Refusal, $"The solver assigned {Text.Count(outcome.Assigned, "review")}.", cancellation);
    }

    /// <summary>
    /// The admin's explicit choice after a refusal. The page answers the POST itself (no redirect) while applications
    /// are left short, since the list of them and their reasons is the point; posting again only fills gaps.
    /// </summary>
    public async Task<IActionResult> OnPostAssignWhatCanAsync(int id, CancellationToken cancellation)
    {
        var outcome = await assign.AssignWhatCanBeAssignedAsync(User.AsActor(), id, cancellation);
        var notice = $"The solver assigned {Text.Count(outcome.Assigned, "review")}, and every application has its reviews.";
        if (outcome.Refusal is not null || outcome.Diagnosis is not { Short.Count: > 0 } diagnosis)
        {
            return await AfterAsync(id, outcome.Refusal, notice, cancellation);
        }

        (Diagnosis, AssignedPartly) = (diagnosis, outcome.Assigned);
        return await LoadAsync(id, cancellation) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int subjectId, string? reviewerId, CancellationToken cancellation) =>
        await AfterAsync(id, await byHand.AddAsync(User.AsActor(), id, subjectId, reviewerId ?? "", cancellation), "Added the assignment.", cancellation);

    public async Task<IActionResult> OnPostRemoveAsync(int id, int assignmentId, CancellationToken cancellation) =>
        await AfterAsync(id, await byHand.RemoveAsync(User.AsActor(), id, assignmentId, cancellation), "Removed the assignment.", cancellation);

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellation) =>
        await AfterAsync(id, await change.RunAsync(User.AsActor(), id, ReviewRoundState.Open, cancellation), "Opened the round: reviewers now see their assignments.", cancellation);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellation) =>
        await AfterAsync(id, await change.RunAsync(User.AsActor(), id, ReviewRoundState.Closed, cancellation), "Closed the round.", cancellation);

    private async Task<IActionResult> AfterAsync(int id, string? refusal, string notice, CancellationToken cancellation)
    {
        if (refusal is null)
        {
            return RedirectWithNotice(notice, "/Admin/Review/Rounds/Show", new { id });
        }

        Refusal = refusal;
        return await LoadAsync(id, cancellation) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellation)
    {
        Db.ChangeTracker.Clear();
        var season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var round = season is null ? null : await Db.ReviewRounds.AsNoTracking().Include(r => r.Rubric).Include(r => r.Assignments)
            .SingleOrDefaultAsync(r => r.Id == id && r.SeasonId == season.Id, cancellation);
        if (round is null)
        {
            return false;
        }

        Round = round;
        Stream = await Db.Streams.Where(s => s.Id == round.StreamId).Select(s => s.Name).SingleOrDefaultAsync(cancellation);
        var facts = await ReviewRoundFacts.LoadAsync(Db, round, null, cancellation);
        var labels = facts.Reviewers.ToDictionary(r => r.Profile.UserId, r => r.Label);
        var bySubject = round.Assignments.ToLookup(a => a.SubjectId);
        Subjects = facts.Subjects.Select(s =>
        {
            var rows = bySubject[s.Id].OrderBy(a => a.State == AssignmentState.Declined).ThenBy(a => a.Id)
                .Select(a => new AssignmentRow(a, labels.GetValueOrDefault(a.ReviewerId, "a reviewer no longer in the pool"))).ToList();
            var active = rows.Count(r => r.Assignment.State != AssignmentState.Declined);
            return new SubjectRow(s, rows, active, round.State != ReviewRoundState.Draft && active < round.ReviewsPerApplication);
        }).ToList();
        var loads = facts.Loads();
        Reviewers = facts.Reviewers.Select(r => new ReviewerRow(r, loads.GetValueOrDefault(r.Profile.UserId))).ToList();
        ReviewerChoices = facts.Reviewers.Select(r => new SelectListItem(r.Label, r.Profile.UserId)).ToList();
        return true;
    }
}
