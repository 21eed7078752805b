using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

/// <summary>
/// The mail artifacts cause, queued in the same save as the change: the stream's mentors hear when an artifact comes
/// to await their confirmation, and its fellow authors when it is confirmed. Links come from the public origin.
/// </summary>
public sealed class ArtifactMail(CohortDbContext db, Outbox outbox, IAppLinks links)
{
    /// <summary>Tells the mentors of the artifact's stream in its season, those with an account, that it awaits them.</summary>
    public async Task AwaitsConfirmationAsync(Artifact artifact, string byWhom, CancellationToken cancellation)
    {
        var mentors = await db.StreamMentors.Where(m => m.StreamId == artifact.StreamId && m.Mentor!.SeasonId == artifact.SeasonId && m.Mentor.UserId != null)
            .Join(db.Users, m => m.Mentor!.UserId, u => u.Id, (m, u) => new { u.Email, m.Mentor!.Name }).ToListAsync(cancellation);
        foreach (var mentor in mentors.Where(m => m.Email is not null).DistinctBy(m => m.Email))
        {
            outbox.Enqueue(mentor.Email!, $"To confirm: {artifact.Title}",
                $"Dear {mentor.Name},\n\n{byWhom} recorded {Article(artifact.Kind)} {ArtifactWords.Kind(artifact.Kind)}, “{artifact.Title}”, which awaits your confirmation " +
                $"before it can appear on the public showcase.\n\nRead it and confirm it: {links.Link("/mentor/artifacts")}\n");
        }
    }

    /// <summary>Tells the artifact's fellow authors that a mentor confirmed it, and where it now stands.</summary>
    public async Task ConfirmedAsync(Artifact artifact, string byWhom, CancellationToken cancellation)
    {
        var fellowships = await db.ArtifactAuthors.Where(a => a.ArtifactId == artifact.Id && a.FellowshipId != null).Select(a => a.FellowshipId).ToListAsync(cancellation);
        var authors = await db.Fellowships.Where(f => fellowships.Contains(f.Id)).Join(db.Users, f => f.ApplicantId, u => u.Id, (f, u) => new { u.Email, u.DisplayName })
            .ToListAsync(cancellation);
        var where = artifact.ShowPublicly
            ? $"It is now on the public showcase: {links.Link($"/showcase/{artifact.Id}")}"
            : $"It stays off the public showcase until its authors choose to show it: {links.Link("/portal/artifacts")}";
        foreach (var author in authors.Where(a => a.Email is not null))
        {
            outbox.Enqueue(author.Email!, $"Confirmed: {artifact.Title}", $"Dear {author.DisplayName},\n\n{byWhom} confirmed “{artifact.Title}”.\n\n{where}\n");
        }
    }

    private static string Article(ArtifactKind kind) => kind is ArtifactKind.EvaluationSuite or ArtifactKind.OpenSourceTooling or ArtifactKind.Other ? "an" : "a";
}
