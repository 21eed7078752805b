using Cohort.Core.Programme;

namespace Cohort.Web.Pages.Shared.Programme;

/// <summary>A sign-off or a check-in as the fellow's page shows it.</summary>
public sealed record CheckInView(int Id, string Mentor, Assessment Assessment, string Comment, DateTime At);

/// <summary>One milestone of the fellow's page: its state, what the fellow handed in, and its sign-off.</summary>
public sealed record MilestoneView(Milestone Milestone, MilestoneState State, MilestoneSubmission? Submission, string? FileName, CheckInView? SignOff)
{
    public bool Late => Submission is { } s && MilestoneProgress.IsLate(Milestone, s.SubmittedAt);

    /// <summary>Whether the fellow may hand in (again): the milestone asks for something and nobody has signed it off.</summary>
    public bool Open => Milestone.Submission != SubmissionKind.None && SignOff is null;

    /// <summary>Whether a mentor may sign it off now: it asks for a sign-off, has none, and has its submission if it needs one.</summary>
    public bool AwaitsSignOff => Milestone.RequiresSignOff && SignOff is null && (Milestone.Submission == SubmissionKind.None || Submission is not null);
}

/// <summary>
/// Who reads a fellow's page decides what it offers: the fellow hands in (from the portal), a mentor of the stream
/// signs off and checks in (from /fellows), an admin reads. The page itself is the same for all three.
/// </summary>
public enum FellowshipReader
{
    Fellow,
    Mentor,
    Admin,
}

/// <summary>A fellow's page: their stream and project, their milestones, their mentors' check-ins.</summary>
public sealed record FellowshipView(Fellowship Fellowship, string Name, string Season, string Stream, string? Project, IReadOnlyList<string> Mentors,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<CheckInView> CheckIns, FellowshipReader Reader)
{
    public static async Task<FellowshipView> LoadAsync(CohortDbContext db, Fellowship fellowship, FellowshipReader reader, DateTime now, CancellationToken cancellation)
    {
        var name = await db.Users.Where(u => u.Id == fellowship.ApplicantId).Select(u => u.DisplayName).SingleAsync(cancellation);
        var season = await db.Seasons.Where(s => s.Id == fellowship.SeasonId).Select(s => s.Name).SingleAsync(cancellation);
        var stream = await db.Streams.Where(s => s.Id == fellowship.StreamId).Select(s => s.Name).SingleAsync(cancellation);
        var mentors = await db.StreamMentors.Where(m => m.StreamId == fellowship.StreamId).OrderBy(m => m.Position).Select(m => m.Mentor!.Name).ToListAsync(cancellation);
        var project = (await ProgrammeBoard.ProjectsAsync(db, [fellowship.StreamId], cancellation)).GetValueOrDefault((fellowship.StreamId, fellowship.ApplicantId));
        var milestones = await MilestoneProgress.For(db, fellowship).AsNoTracking().OrderBy(m => m.DueAt).ThenBy(m => m.Id).ToListAsync(cancellation);
        var submissions = await db.MilestoneSubmissions.AsNoTracking().Where(s => s.FellowshipId == fellowship.Id).ToDictionaryAsync(s => s.MilestoneId, cancellation);
        var fileIds = submissions.Values.Select(s => s.FileId).OfType<int>().ToList();
        // The names alone: a file's bytes are read only when it is downloaded.
        var files = (await db.StoredFiles.Where(f => fileIds.Contains(f.Id)).Select(f => new { f.Id, f.FileName }).ToListAsync(cancellation))
            .ToDictionary(f => f.Id, f => f.FileName);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.FellowshipId == fellowship.Id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Join(db.Mentors, c => c.MentorId, m => m.Id, (c, m) => new { c.Id, c.MilestoneId, Mentor = m.Name, c.Assessment, c.Comment, c.At })
            .ToListAsync(cancellation);
        var signOffs = checkIns.Where(c => c.MilestoneId is not null).ToDictionary(c => c.MilestoneId!.Value, c => new CheckInView(c.Id, c.Mentor, c.Assessment, c.Comment, c.At));
        var views = milestones.Select(m =>
        {
            var submission = submissions.GetValueOrDefault(m.Id);
            var signOff = signOffs.GetValueOrDefault(m.Id);
            return new MilestoneView(m, MilestoneProgress.StateOf(m, submission?.SubmittedAt, signOff?.Assessment, now), submission,
                submission?.FileId is { } file ? files.GetValueOrDefault(file) : null, signOff);
        }).ToList();
        return new(fellowship, name, season, stream, project, mentors, views,
            checkIns.Where(c => c.MilestoneId is null).Select(c => new CheckInView(c.Id, c.Mentor, c.Assessment, c.Comment, c.At)).ToList(), reader);
    }
}
