using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.FollowUps;

namespace Cohort.Web.Pages.Mentor;

/// <summary>
/// One of the mentor's streams: its applicants (submitted ones only, drafts are private), its interview slots, its
/// work test and its follow-up assessments.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class StreamModel(CohortDbContext db, PublishInterviewSlot publish, SetWorkTest setWorkTest) : MentorPage(db)
{
    public sealed record Applicant(int ApplicationId, string Name, ApplicationState State, DateTime? SubmittedAt, DateTime? InterviewAt, bool HandedInWorkTest);

    public sealed record SlotRow(InterviewSlot Slot, string? BookedBy);

    public sealed record AssessmentRow(int Id, string Title, DateTime OpensAt, DateTime ClosesAt, int Items, int Attempts);

    public sealed class SlotInput
    {
        [Display(Name = "Starts (UTC)")]
        public DateTime StartsAt { get; set; }

        [Display(Name = "Minutes")]
        public int Minutes { get; set; } = 45;

        [Display(Name = "Where (a room or a video-call link)")]
        public string Location { get; set; } = "";
    }

    public sealed class WorkTestInput
    {
        [Display(Name = "Instructions (Markdown)")]
        public string Instructions { get; set; } = "";

        [Display(Name = "Due (UTC)")]
        public DateTime DueAt { get; set; }
    }

    public List<Applicant> Applicants { get; private set; } = [];
    public List<SlotRow> Slots { get; private set; } = [];
    public List<AssessmentRow> Assessments { get; private set; } = [];

    [BindProperty]
    public SlotInput Slot { get; set; } = new();

    [BindProperty]
    public WorkTestInput WorkTest { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await LoadAsync(slug, cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSlotAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => publish.RunAsync(User.AsActor(), Stream.Id, DateTime.SpecifyKind(Slot.StartsAt, DateTimeKind.Utc), Slot.Minutes, Slot.Location, cancellation),
            "The interview slot was published.", cancellation);

    public Task<IActionResult> OnPostWorkTestAsync(string slug, CancellationToken cancellation) =>
        ChangeAsync(slug, () => setWorkTest.RunAsync(User.AsActor(), Stream.Id, WorkTest.Instructions, DateTime.SpecifyKind(WorkTest.DueAt, DateTimeKind.Utc), cancellation),
            "The work test was saved.", cancellation);

    protected override async Task<bool> LoadAsync(string slug, CancellationToken cancellation)
    {
        if (!await FindStreamAsync(slug, cancellation))
        {
            return false;
        }

        var streamId = Stream.Id;
        var test = await Db.WorkTests.AsNoTracking().SingleOrDefaultAsync(t => t.StreamId == streamId, cancellation);
        if (test is not null && Request.Method == HttpMethods.Get)
        {
            WorkTest = new WorkTestInput { Instructions = test.InstructionsMarkdown, DueAt = test.DueAt };
        }

        Applicants = await Db.StreamApplications.AsNoTracking()
            .Where(a => a.StreamId == streamId && a.State != ApplicationState.Draft)
            .OrderBy(a => a.SubmittedAt)
            .Select(a => new Applicant(a.Id,
                Db.Users.Where(u => u.Id == a.ApplicantId).Select(u => u.DisplayName).Single(),
                a.State, a.SubmittedAt,
                Db.InterviewSlots.Where(s => s.StreamId == streamId && s.BookedById == a.ApplicantId).Select(s => (DateTime?)s.StartsAt).FirstOrDefault(),
                Db.WorkTestSubmissions.Any(w => w.ApplicantId == a.ApplicantId && Db.WorkTests.Any(t => t.Id == w.WorkTestId && t.StreamId == streamId))))
            .ToListAsync(cancellation);
        Slots = await Db.InterviewSlots.AsNoTracking().Where(s => s.StreamId == streamId).OrderBy(s => s.StartsAt)
            .Select(s => new SlotRow(s, Db.Users.Where(u => u.Id == s.BookedById).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellation);
        Assessments = await Db.Assessments.AsNoTracking().Where(a => a.StreamId == streamId).OrderBy(a => a.OpensAt)
            .Select(a => new AssessmentRow(a.Id, a.Title, a.OpensAt, a.ClosesAt, a.Items.Count, Db.Attempts.Count(t => t.AssessmentId == a.Id)))
            .ToListAsync(cancellation);
        return true;
    }
}
