using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

/// <summary>
/// A mentor of the artifact's stream in its season (or an admin) confirms it, which lets it onto the showcase if its
/// authors chose to show it, or takes the confirmation back. A draft is never confirmed. The form carries the version
/// the mentor read, so content the authors changed after the page was loaded is never confirmed unseen. Its fellow
/// authors are told by mail when it is confirmed.
/// </summary>
public sealed class ConfirmArtifact(CohortDbContext db, TimeProvider clock, AuditLog audit, ArtifactMail mail)
{
    public const string NoSuchArtifact = "There is no such artifact in your streams.";

    public const string IsDraft = "This artifact is a draft: its authors mark it submitted or published before a mentor confirms it.";

    public const string ChangedMeanwhile = "Its authors changed this artifact since you loaded the page: read it again before confirming.";

    public async Task<string?> RunAsync(Actor actor, int artifactId, int version, bool confirm, CancellationToken cancellation = default)
    {
        var userId = actor.UserId ?? "";
        var isAdmin = await db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), cancellation);
        var artifact = await (isAdmin ? db.Artifacts : ArtifactScope.OfMentor(db, userId)).SingleOrDefaultAsync(a => a.Id == artifactId, cancellation);
        var refusal = artifact switch
        {
            null => NoSuchArtifact,
            { State: ArtifactState.Draft } when confirm => IsDraft,
            _ when artifact.Version != version => ChangedMeanwhile,
            _ => null,
        };
        if (refusal is not null || (artifact!.ConfirmedAt is not null) == confirm)
        {
            return refusal;
        }

        if (confirm)
        {
            artifact.ConfirmedAt = clock.GetUtcNow().UtcDateTime;
            // An admin confirms without a mentor profile; the audit entry says who it was.
            artifact.ConfirmedByMentorId = await ArtifactScope.MentorProfileIdAsync(db, userId, artifact, cancellation);
            await mail.ConfirmedAsync(artifact, actor.Name, cancellation);
        }
        else
        {
            ArtifactContent.Unconfirm(artifact);
        }

        audit.Record(actor, confirm ? "artifact.confirmed" : "artifact.unconfirmed", $"artifact:{artifact.Id}", $"“{artifact.Title}”");
        return await db.SaveOrRefuseAsync(ChangedMeanwhile, cancellation);
    }
}
