using Cohort.Core.Embeddings;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Pages.Admin.Review.Rounds;

/// <summary>
/// One review round: its applications with their reviewers, the reviewers' loads, and the actions of its life: assign
/// by the solver (a draft), add or remove an assignment by hand, open, close. When the solver finds no assignment, or
/// an action is refused, the page says why and nothing is saved; the solver's refusal names the applications and the
/// reviewers' reasons, and offers to assign what can be assigned, after which the page lists the applications left short.
/// Each active assignment shows the sentences that brought the pair together (<see cref="PairAffinities.Why"/>, quoting
/// the research statement only as the round's blind reviewers read it), the affinity's weights are said in words, and
/// while the season's texts are still being embedded in the background, how far that has gone.
/// </summary>
public class ShowModel(CohortDbContext db, AuditLog audit, AssignReviewers assign, AssignReviewersByHand byHand, ChangeReviewRoundState change, DesignReviewRound design,
    MeasureAffinities measure, EmbedSeasonTexts embedding, IOptions<AffinityBlendOptions> weights)
    : AuditedPage(db, audit)
{
    public sealed record SubjectRow(ReviewSubject Subject, IReadOnlyList<AssignmentRow> Assignments, int Active, int Readers, string? Topic, bool NeedsReviewer);

    public sealed record AnchorRow(int SubjectId, string Application, int Readers);

    /// <summary>An assignment with its reviewer's bid on the application, if any, and, while active, why the pair fits.</summary>
    public sealed record AssignmentRow(ReviewAssignment Assignment, string Reviewer, BidLevel? Bid, IReadOnlyList<PhrasePair> Why);

    /// <summary>How many sentence pairs each active assignment shows.</summary>
    public const int WhyPhrases = 3;

    public sealed record ReviewerRow(PoolReviewer Reviewer, int Load, int Bids);

    public ReviewRound Round { get; private set; } = null!;

    /// <summary>What the round reviews within its stage: the stream at stage 3, the extension round for extensions.</summary>
    public string? Stream { get; private set; }

    public List<SubjectRow> Subjects { get; private set; } = [];

    public List<ReviewerRow> Reviewers { get; private set; } = [];

    public List<SelectListItem> ReviewerChoices { get; private set; } = [];

    public List<AnchorRow> Anchors { get; private set; } = [];

    /// <summary>The round's applications' topics, for bridging and calibration.</summary>
    public SubjectTopicMap Topics { get; private set; } = SubjectTopicMap.Empty;

    /// <summary>Readers a new anchor is offered: the default, at most the pool's size.</summary>
    public int DefaultReaders => Math.Min(DesignReviewRound.DefaultAnchorReaders, Reviewers.Count);

    /// <summary>The affinity's weights, as the settings give them.</summary>
    public AffinityBlendOptions Weights => weights.Value;

    /// <summary>How far the season's texts are embedded ahead of use.</summary>
    public EmbeddingProgress Embedding { get; private set; } = new(0, 0);

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

    /// <summary>Sets the bridging share; a value that is not a whole number is refused here, its range in Core.</summary>
    public async Task<IActionResult> OnPostBridgingAsync(int id, string? bridgingShare, CancellationToken cancellation) =>
        await AfterAsync(id, int.TryParse(bridgingShare, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int percent)
                ? await design.SetBridgingShareAsync(User.AsActor(), id, percent, cancellation)
                : $"The bridging share must be a whole percentage from 0 (off) to {DesignReviewRound.MaxBridgingSharePercent}; “{bridgingShare}” is not.",
            $"Bridging share set to {bridgingShare}%: it takes effect when reviewers are next assigned.", cancellation);

    public async Task<IActionResult> OnPostAnchorAsync(int id, string? anchorSubjectId, string? readers, CancellationToken cancellation)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        string? refusal = !int.TryParse(anchorSubjectId, System.Globalization.NumberStyles.None, culture, out int subjectId) ? "Give the anchor's application number."
            : !int.TryParse(readers, System.Globalization.NumberStyles.None, culture, out int count) ? "Give the anchor's readers as a whole number."
            : await design.MarkAnchorAsync(User.AsActor(), id, subjectId, count, cancellation);
        return await AfterAsync(id, refusal, $"Application #{anchorSubjectId} is an anchor with {readers} readers: it takes effect when reviewers are next assigned.", cancellation);
    }

    public async Task<IActionResult> OnPostUnanchorAsync(int id, int subjectId, CancellationToken cancellation) =>
        await AfterAsync(id, await design.UnmarkAnchorAsync(User.AsActor(), id, subjectId, cancellation), $"Application #{subjectId} is no longer an anchor.", cancellation);

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
        var round = season is null ? null : await Db.ReviewRounds.AsNoTracking().Include(r => r.Rubric).Include(r => r.Assignments).Include(r => r.Anchors)
            .SingleOrDefaultAsync(r => r.Id == id && r.SeasonId == season.Id, cancellation);
        if (round is null)
        {
            return false;
        }

        Round = round;
        Stream = await Db.Streams.Where(s => s.Id == round.StreamId).Select(s => s.Name).SingleOrDefaultAsync(cancellation)
            ?? await Db.ExtensionRounds.Where(r => r.Id == round.ExtensionRoundId).Select(r => r.Name).SingleOrDefaultAsync(cancellation);
        var facts = await ReviewRoundFacts.LoadAsync(Db, round, null, cancellation);
        Topics = await SubjectTopics.OfRoundAsync(Db, facts, cancellation);
        // Only assigned pairs have a "why" to show; a round without assignments does not read or embed its statements.
        var affinities = round.Assignments.Any(a => a.State != AssignmentState.Declined) ? await measure.OfAsync(facts, cancellation) : null;
        var pool = facts.Reviewers.ToDictionary(r => r.Profile.UserId);
        var bySubject = round.Assignments.ToLookup(a => a.SubjectId);
        Subjects = facts.Subjects.Select(s =>
        {
            var rows = bySubject[s.Id].OrderBy(a => a.State == AssignmentState.Declined).ThenBy(a => a.Id)
                .Select(a => pool.GetValueOrDefault(a.ReviewerId) is { } reviewer
                    ? new AssignmentRow(a, reviewer.Label, facts.BidOf(reviewer, s),
                        affinities is not null && a.State != AssignmentState.Declined ? affinities.Why(reviewer, s, WhyPhrases) : [])
                    : new AssignmentRow(a, "a reviewer no longer in the pool", null, [])).ToList();
            var active = rows.Count(r => r.Assignment.State != AssignmentState.Declined);
            int readers = round.ReadersOf(s.Id);
            return new SubjectRow(s, rows, active, readers, Topics.Of(s.Id), round.State != ReviewRoundState.Draft && active < readers);
        }).ToList();
        var subjectLabels = facts.Subjects.ToDictionary(s => s.Id, s => s.Label);
        Anchors = round.Anchors.OrderBy(a => a.SubjectId)
            .Select(a => new AnchorRow(a.SubjectId, subjectLabels.GetValueOrDefault(a.SubjectId, $"#{a.SubjectId} (no longer in the round)"), a.Readers)).ToList();
        var loads = facts.Loads();
        Reviewers = facts.Reviewers.Select(r => new ReviewerRow(r, loads.GetValueOrDefault(r.Profile.UserId), facts.BidCountOf(r))).ToList();
        ReviewerChoices = facts.Reviewers.Select(r => new SelectListItem(r.Label, r.Profile.UserId)).ToList();
        Embedding = await embedding.ProgressAsync(cancellation);
        return true;
    }
}
