using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Mail;
using Cohort.Core.StreamApplications;
using Cohort.Web.Applications;

namespace Cohort.Web.Pages.Portal;

/// <summary>The applicant's one place: every application with its state, deadline and next step, and the mail we sent them.</summary>
[Authorize(Roles = Roles.Applicant)]
public class IndexModel(CohortDbContext db, WithdrawApplication withdraw, Core.Match.RespondToOffer respond, TimeProvider clock) : PageModel
{
    public ApplicationForm? General { get; private set; }
    public Application? GeneralApplication { get; private set; }
    public List<OutboxMessage> Mail { get; private set; } = [];
    public PortalMatch Match { get; private set; } = new([], null, DateTime.MinValue);
    public List<Core.Assessments.Attempt> Attempts { get; private set; } = [];

    /// <summary>Follow-up assessments of streams considering the applicant that they have not opened yet (opened ones are in <see cref="Attempts"/>).</summary>
    public List<Core.Assessments.Assessment> StreamAssessmentsToStart { get; private set; } = [];
    public List<Core.StreamApplications.StreamApplication> StreamApplications { get; private set; } = [];
    public DateTime Now { get; private set; }

    /// <summary>Whether the applicant is a fellow of a stream (accepted its offer), whose projects they rank.</summary>
    public bool IsFellow { get; private set; }

    /// <summary>Whether stage 3 is open to the applicant: advanced after the assessments (or a season without them).</summary>
    public bool MayApplyToStreams { get; private set; }

    /// <summary>Open stage 2 assessments the applicant is invited to and has not started: the portal points to them until each is opened.</summary>
    public int AssessmentsToStart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var me = UserId.Of(User);
        (General, GeneralApplication) = await GeneralApplicationQuery.LoadAsync(db, me, cancellation);
        Attempts = await db.Attempts.AsNoTracking().Include(a => a.Assessment).ThenInclude(x => x!.Stream)
            .Where(a => a.ApplicantId == me).OrderBy(a => a.StartedAt).ToListAsync(cancellation);
        StreamAssessmentsToStart = await Invitations.For(db, me).AsNoTracking().Include(a => a.Stream)
            .Where(a => a.StreamId != null && a.Stream!.Track!.Season!.IsCurrent && !db.Attempts.Any(t => t.AssessmentId == a.Id && t.ApplicantId == me))
            .OrderBy(a => a.ClosesAt).ToListAsync(cancellation);
        AssessmentsToStart = await Invitations.For(db, me)
            .CountAsync(a => a.StreamId == null && a.ClosesAt >= Now && !db.Attempts.Any(t => t.AssessmentId == a.Id && t.ApplicantId == me), cancellation);
        StreamApplications = await db.StreamApplications.AsNoTracking().Include(s => s.Stream).Where(s => s.ApplicantId == me).OrderBy(s => s.CreatedAt).ToListAsync(cancellation);
        MayApplyToStreams = General is not null && await StageThree.IsInvitedAsync(db, me, General.SeasonId, cancellation);
        Match = await PortalMatch.LoadAsync(db, me, clock.GetUtcNow().UtcDateTime, cancellation);
        IsFellow = await Core.Projects.Fellows.PlaceOf(db, me).AnyAsync(cancellation);
        var email = User.Identity!.Name;
        // Not the sensitive ones: a stolen session must not be able to read a live reset link and keep the account.
        Mail = await db.OutboxMessages.AsNoTracking().Where(m => m.To == email && !m.Sensitive).OrderByDescending(m => m.Id).Take(50).ToListAsync(cancellation);
    }

    /// <summary>Accepts or declines one of the applicant's own offers; anyone else's offer id is "no such offer".</summary>
    public async Task<IActionResult> OnPostRespondAsync(int offerId, bool accept, CancellationToken cancellation)
    {
        var refusal = await respond.RunAsync(new Actor(UserId.Of(User), User.Identity?.Name ?? "applicant"), offerId, accept, cancellation);
        TempData["Notice"] = refusal ?? (accept ? "You accepted the offer. Welcome to the fellowship; your other stream applications are withdrawn." : "You declined the offer; the seat goes to someone else.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellation)
    {
        var (form, _) = await GeneralApplicationQuery.LoadAsync(db, UserId.Of(User), cancellation);
        var refusal = form is null ? "There is no application to withdraw." : await withdraw.RunAsync(UserId.Of(User), form.Id, cancellation);
        TempData["Notice"] = refusal ?? "Your application was withdrawn. Thank you for your interest; we hope to see you in a later season.";
        return RedirectToPage();
    }

    /// <summary>Which stage an assessment belongs to, as the portal labels it.</summary>
    public static string StageOf(Core.Assessments.Assessment assessment) =>
        assessment.Stream is { } stream ? $"stage 3, {stream.Name}" : "stage 2";

    /// <summary>An attempt's state in words: running until its deadline, then submitted or closed at the limit.</summary>
    public string AttemptState(Core.Assessments.Attempt attempt) =>
        attempt.SubmittedAt is not null ? "Submitted" : attempt.IsOpenAt(Now) ? "In progress" : "Closed at the time limit";

    /// <summary>What the applicant should do next, in one sentence, for the general application's state.</summary>
    public string NextStep => GeneralApplication?.State switch
    {
        null when General is not null && !General.IsOpenAt(Now) && Now < General.OpensAt => "The general application opens soon.",
        null or ApplicationState.Draft when General is not null && Now > General.AcceptsUntil => "The general application has closed.",
        null => "Start your general application.",
        ApplicationState.Draft => "Finish and submit your general application before the deadline.",
        ApplicationState.Submitted => "Nothing to do: we will write to you when stage 1 decisions are made.",
        ApplicationState.Advanced when MayApplyToStreams => "You are invited to apply to streams (stage 3).",
        ApplicationState.Advanced => GeneralApplication.AssessmentState switch
        {
            ApplicationState.Waitlisted => "You are on the waitlist for stage 3; we will write if a place opens.",
            ApplicationState.Rejected => "Thank you for taking the assessments. We are not able to take your application further this season.",
            _ => "You are invited to the stage 2 assessments.",
        },
        ApplicationState.Waitlisted => "You are on the waitlist for stage 2; we will write if a place opens.",
        ApplicationState.Rejected => "We are not able to take your application further this season.",
        _ => "You withdrew this application.",
    };
}
