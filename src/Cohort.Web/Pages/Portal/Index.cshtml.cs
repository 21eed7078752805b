using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Core.Embeddings;
using Cohort.Core.Mail;
using Cohort.Core.Portal;

namespace Cohort.Web.Pages.Portal;

/// <summary>
/// The applicant's one place: their offer first, then every application with the state, deadline and next step that
/// <see cref="ApplicantStanding"/> derives, only the actions that still apply, and the mail we sent them. Every
/// irreversible answer (accept, decline, withdraw) is asked on a confirmation page of its own. Once stage 1 is
/// submitted, the streams closest to the applicant's research statement are suggested, with the sentences that matched.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public class IndexModel(CohortDbContext db, TimeProvider clock, StreamSuggestions suggestions) : PageModel
{
    public ApplicantStanding Standing { get; private set; } = null!;
    public List<OutboxMessage> Mail { get; private set; } = [];
    public List<Attempt> Attempts { get; private set; } = [];

    /// <summary>Follow-up assessments of streams considering the applicant that they have not opened yet (opened ones are in <see cref="Attempts"/>).</summary>
    public List<Assessment> StreamAssessmentsToStart { get; private set; } = [];
    public DateTime Now { get; private set; }

    /// <summary>Whether the applicant is a fellow of a stream (accepted its offer), whose projects they rank.</summary>
    public bool IsFellow { get; private set; }

    /// <summary>Whether the applicant is a fellow of any season, past or current: the portal links their fellowship page.</summary>
    public bool HasFellowship { get; private set; }

    /// <summary>Open stage 2 assessments the applicant is invited to and has not started: the portal points to them until each is opened.</summary>
    public int AssessmentsToStart { get; private set; }

    /// <summary>The streams closest to the applicant's own research statement; none before stage 1 is submitted.</summary>
    public IReadOnlyList<StreamSuggestion> Suggestions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var me = User.Id();
        Standing = await ApplicantStandings.LoadAsync(db, me, Now, cancellation);
        Attempts = await db.Attempts.AsNoTracking().Include(a => a.Assessment).ThenInclude(x => x!.Stream)
            .Where(a => a.ApplicantId == me).OrderBy(a => a.StartedAt).ToListAsync(cancellation);
        StreamAssessmentsToStart = await Invitations.For(db, me).AsNoTracking().Include(a => a.Stream)
            .Where(a => a.StreamId != null && a.Stream!.Track!.Season!.IsCurrent && !db.Attempts.Any(t => t.AssessmentId == a.Id && t.ApplicantId == me))
            .OrderBy(a => a.ClosesAt).ToListAsync(cancellation);
        AssessmentsToStart = await Invitations.For(db, me)
            .CountAsync(a => a.StreamId == null && a.ClosesAt >= Now && !db.Attempts.Any(t => t.AssessmentId == a.Id && t.ApplicantId == me), cancellation);
        IsFellow = await Core.Projects.Fellows.PlaceOf(db, me).AnyAsync(cancellation);
        HasFellowship = await Core.Programme.FellowshipScope.OfFellow(db, me).AnyAsync(cancellation);
        Suggestions = await suggestions.ForAsync(me, cancellation);
        var email = User.Identity!.Name;
        // Not the sensitive ones: a stolen session must not be able to read a live reset link and keep the account.
        Mail = await db.OutboxMessages.AsNoTracking().Where(m => m.To == email && !m.Sensitive).OrderByDescending(m => m.Id).Take(50).ToListAsync(cancellation);
    }

    public PortalItemView GeneralView => new("general", Standing.Facts.General!.Title, "/apply/general", "stage 1", Standing.General!);

    public static PortalItemView AssessmentsToStartView { get; } =
        new("assessment", "Assessments", "/assessments", "stage 2", new("Not started", "Open the assessments page; each one's clock starts when you open it."));

    public PortalItemView ViewOf(Attempt attempt) => new("assessment", attempt.Assessment!.Title, $"/assessments/{attempt.Assessment.Slug}", StageOf(attempt.Assessment),
        new(AttemptState(attempt), attempt.SubmittedAt is null && attempt.IsOpenAt(Now) ? "Finish and submit before your time runs out." : "Nothing to do: reviewers will score it.", attempt.Deadline));

    public PortalItemView ViewOf(Assessment assessment) => new("assessment", assessment.Title, $"/assessments/{assessment.Slug}", StageOf(assessment),
        new("Not started", $"Open it before it closes; {(assessment.TimeLimitMinutes > 0 ? $"you then have {assessment.TimeLimitMinutes} minutes." : "you have one attempt.")}", assessment.ClosesAt));

    /// <summary>A stream application's title leads to the stream applications page while a draft, then to its own page (its follow-ups).</summary>
    public PortalItemView ViewOf(StreamStanding stream) => new("stream", stream.Stream.Name,
        stream.Stream.State == Core.Applications.ApplicationState.Draft ? "/streams/apply" : $"/streams/apply/{stream.Stream.Slug}", "stage 3", stream.Standing);

    /// <summary>Which stage an assessment belongs to, as the portal labels it.</summary>
    public static string StageOf(Assessment assessment) =>
        assessment.Stream is { } stream ? $"stage 3, {stream.Name}" : "stage 2";

    /// <summary>An attempt's state in words: running until its deadline, then submitted or closed at the limit.</summary>
    public string AttemptState(Attempt attempt) =>
        attempt.SubmittedAt is not null ? "Submitted" : attempt.IsOpenAt(Now) ? "In progress" : "Closed at the time limit";
}

/// <summary>One card of the portal: an application or assessment, its stage, and its standing.</summary>
/// <param name="Kind">general, assessment or stream: what tests and styles select it by.</param>
public sealed record PortalItemView(string Kind, string Title, string Href, string Stage, Standing Standing);
