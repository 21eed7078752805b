using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Analytics;
using Cohort.Core.Applications;
using Cohort.Core.FollowUps;
using Cohort.Web.Pages.Shared.Analytics;

namespace Cohort.Web.Pages.Mentor;

/// <summary>
/// One of the mentor's streams: its applicants (submitted ones only, drafts are private), its interview slots, its
/// work test, its follow-up assessments, and its numbers: the analytics topics meant for mentors, each scoped to this
/// stream in its season, so nothing about another stream is computed for the page, let alone shown.
/// </summary>
[Authorize(Roles = Roles.Mentor)]
public class StreamModel(CohortDbContext db, PublishInterviewSlot publish, SetWorkTest setWorkTest, IEnumerable<IAnalyticsTopic> topics, TimeProvider clock) : MentorPage(db)
{
    private readonly IReadOnlyList<IAnalyticsTopic> mentorTopics = topics.Where(t => t.ForMentors).ToList();

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
    public List<SectionView> Numbers { get; private set; } = [];

    [BindProperty]
    public SlotInput Slot { get; set; } = new();

    [BindProperty]
    public WorkTestInput WorkTest { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation) =>
        await LoadAsync(slug, cancellation) ? Page() : NotFound();

    /// <summary>One chart of the stream's numbers as CSV; 404 for a stream that is not the mentor's, or a topic or chart they do not get.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string slug, string? topic, string? chart, CancellationToken cancellation)
    {
        if (!await FindStreamAsync(slug, cancellation) || mentorTopics.FirstOrDefault(t => t.Key == topic) is not { } found)
        {
            return NotFound();
        }

        var (seasonId, season) = await SeasonAsync(cancellation);
        var section = await found.BuildAsync(new AnalyticsScope(seasonId, Stream.Id, Zone), cancellation);
        return section.Charts.FirstOrDefault(c => c.Key == chart) is { } wanted
            ? await ChartDownload.CsvAsync(found, wanted, $"stream {Stream.Name}, season {season}", Zone, clock.GetUtcNow().UtcDateTime, cancellation)
            : NotFound();
    }

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
        var (seasonId, _) = await SeasonAsync(cancellation);
        Numbers = [];
        foreach (var topic in mentorTopics)
        {
            var section = await topic.BuildAsync(new AnalyticsScope(seasonId, streamId, Zone), cancellation);
            Numbers.Add(new SectionView(section, $"/mentor/streams/{Uri.EscapeDataString(Stream.Slug)}?handler=csv&topic={topic.Key}"));
        }

        return true;
    }

    private TimeZoneInfo Zone => ReaderZone.OrUtc(User);

    private async Task<(int Id, string Name)> SeasonAsync(CancellationToken cancellation)
    {
        var trackId = Stream.TrackId;
        var season = await Db.Tracks.Where(t => t.Id == trackId).Select(t => new { t.SeasonId, t.Season!.Name }).SingleAsync(cancellation);
        return (season.SeasonId, season.Name);
    }
}
