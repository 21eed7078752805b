using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Streams;

/// <summary>
/// Creates a stream (/admin/streams/new) or edits one (/admin/streams/{slug}/edit), with its mentors. A mentor taken
/// off their last stream loses the Mentor role; one added to a first stream gains it, if their account is linked.
/// </summary>
public sealed class StreamFormModel(CohortDbContext db, AuditLog audit, AccountRoles roles) : RecordForm<ResearchStream, StreamFormModel.StreamInput>(db, audit)
{
    public sealed class StreamInput : RecordInput
    {
        [Required, StringLength(80), Slug]
        public string Slug { get; set; } = "";

        [Required(ErrorMessage = "Choose the stream's track.")]
        public string Track { get; set; } = "";

        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        [StringLength(300)]
        public string? Tagline { get; set; }

        [Required, StringLength(100)]
        public string Topic { get; set; } = "";

        public StreamLocation Location { get; set; }

        [StringLength(100)]
        public string? City { get; set; }

        [Range(0, 1000, ErrorMessage = "Capacity must be a whole number from 0 to 1000.")]
        public int Capacity { get; set; }

        [Display(Name = "Description")]
        public string? DescriptionMarkdown { get; set; }

        [Display(Name = "Mentorship structure")]
        public string? MentorshipStructureMarkdown { get; set; }

        [Display(Name = "Desired characteristics")]
        public string? DesiredCharacteristicsMarkdown { get; set; }

        [Display(Name = "Project selection")]
        public string? ProjectSelectionMarkdown { get; set; }

        [StringLength(2000), Display(Name = "Follow-ups")]
        public string? FollowUps { get; set; }

        [Display(Name = "Mentors")]
        public List<int> MentorIds { get; set; } = [];
    }

    public static IReadOnlyList<SelectListItem> Locations { get; } =
        Enum.GetValues<StreamLocation>().Select(l => new SelectListItem(StreamLocations.Name(l), l.ToString())).ToList();

    public List<SelectListItem> Tracks { get; private set; } = [];

    public List<Core.Catalogue.Mentor> Mentors { get; private set; } = [];

    private string? mentorsChangedTo;

    /// <summary>The mentors the save added or removed: their accounts' roles follow once it is saved.</summary>
    private List<int> mentorsMoved = [];

    protected override string Kind => "stream";

    protected override string ListPage => "/Admin/Streams/Index";

    protected override Task<ResearchStream?> FindAsync(string key, CancellationToken cancellation) =>
        Db.Streams.Include(s => s.Mentors).Include(s => s.Track)
            .FirstOrDefaultAsync(s => s.Track!.SeasonId == Season.Id && s.Slug == key, cancellation);

    protected override StreamInput Read(ResearchStream stream) => new()
    {
        Version = stream.Version,
        Slug = stream.Slug,
        Track = stream.Track!.Slug,
        Name = stream.Name,
        Tagline = stream.Tagline,
        Topic = stream.Topic,
        Location = stream.Location,
        City = stream.City,
        Capacity = stream.Capacity,
        DescriptionMarkdown = stream.DescriptionMarkdown,
        MentorshipStructureMarkdown = stream.MentorshipStructureMarkdown,
        DesiredCharacteristicsMarkdown = stream.DesiredCharacteristicsMarkdown,
        ProjectSelectionMarkdown = stream.ProjectSelectionMarkdown,
        FollowUps = stream.FollowUps,
        MentorIds = stream.Mentors.OrderBy(m => m.Position).Select(m => m.MentorId).ToList(),
    };

    protected override ResearchStream Add()
    {
        var stream = new ResearchStream { Slug = Input.Slug, Name = Input.Name };
        Db.Streams.Add(stream);
        return stream;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        if (await CatalogueRules.StreamSlugProblemAsync(Db, Season.Id, Input.Slug, Record?.Id, cancellation) is { } slugProblem)
        {
            ModelState.AddModelError("Input.Slug", slugProblem);
        }

        if (Input.Track.Length > 0 && await CatalogueRules.TrackProblemAsync(Db, Season.Id, Input.Track, cancellation) is { } trackProblem)
        {
            ModelState.AddModelError("Input.Track", trackProblem);
        }

        if (Input.Location != StreamLocation.Remote && string.IsNullOrWhiteSpace(Input.City))
        {
            ModelState.AddModelError("Input.City", "Say in which city the stream meets; only a remote stream has none.");
        }

        // Seats already accepted are promises: the capacity cannot go below them, or the match would take back a place.
        var accepted = Record is null ? 0 : await Db.Offers.CountAsync(o => o.StreamId == Record.Id && o.State == Core.Match.OfferState.Accepted, cancellation);
        if (Input.Capacity < accepted)
        {
            ModelState.AddModelError("Input.Capacity", $"{accepted} applicants have already accepted a seat in this stream, so its capacity cannot be below {accepted}.");
        }

        var known = await Db.Mentors.CountAsync(m => m.SeasonId == Season.Id && Input.MentorIds.Contains(m.Id), cancellation);
        if (Input.MentorIds.Count == 0)
        {
            ModelState.AddModelError("Input.MentorIds", "Choose at least one mentor.");
        }
        else if (known != Input.MentorIds.Distinct().Count())
        {
            ModelState.AddModelError("Input.MentorIds", "Choose mentors of this season only.");
        }
    }

    protected override async Task ApplyAsync(ResearchStream stream, CancellationToken cancellation)
    {
        stream.Track = await Db.Tracks.SingleAsync(t => t.SeasonId == Season.Id && t.Slug == Input.Track, cancellation);
        stream.Slug = Input.Slug;
        stream.Name = Input.Name;
        stream.Tagline = Input.Tagline ?? "";
        stream.Topic = Input.Topic;
        stream.Location = Input.Location;
        stream.City = Input.Location == StreamLocation.Remote ? null : Input.City;
        stream.Capacity = Input.Capacity;
        stream.DescriptionMarkdown = Input.DescriptionMarkdown ?? "";
        stream.MentorshipStructureMarkdown = Input.MentorshipStructureMarkdown ?? "";
        stream.DesiredCharacteristicsMarkdown = Input.DesiredCharacteristicsMarkdown ?? "";
        stream.ProjectSelectionMarkdown = Input.ProjectSelectionMarkdown ?? "";
        stream.FollowUps = Input.FollowUps ?? "";

        var chosen = Input.MentorIds.Distinct().ToList();
        var mentors = await Db.Mentors.Where(m => chosen.Contains(m.Id)).ToListAsync(cancellation);
        var before = stream.Mentors.OrderBy(m => m.Position).Select(m => m.MentorId).ToList();
        var ordered = chosen.Select(id => mentors.Single(m => m.Id == id)).ToList();
        mentorsChangedTo = before.SequenceEqual(chosen) ? null : string.Join(", ", ordered.Select(m => m.Slug));
        mentorsMoved = before.Except(chosen).Union(chosen.Except(before)).ToList();
        StreamMentors.Assign(stream, ordered);
    }

    protected override async Task AfterSaveAsync(ResearchStream stream, CancellationToken cancellation)
    {
        var accounts = await Db.Mentors.Where(m => mentorsMoved.Contains(m.Id) && m.UserId != null).Select(m => m.UserId!).ToListAsync(cancellation);
        await roles.SyncAsync(accounts, User.AsActor(), $"mentors of the stream {stream.Slug} changed", cancellation);
        await Db.SaveChangesAsync(cancellation);
    }

    protected override IEnumerable<string> ChangedBeyondFields(ResearchStream stream) => mentorsChangedTo is null ? [] : [$"mentors now {mentorsChangedTo}"];

    protected override string Name(ResearchStream stream) => stream.Slug;

    protected override async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        Tracks = await Db.Tracks.Where(t => t.SeasonId == Season.Id).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Slug)).ToListAsync(cancellation);
        Mentors = await Db.Mentors.AsNoTracking().Where(m => m.SeasonId == Season.Id).OrderBy(m => m.Name).ToListAsync(cancellation);
    }
}
