using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Artifacts;

/// <summary>
/// A fellow author changes an artifact. Changing what the showcase shows of a confirmed artifact (its kind, title,
/// abstract, byline, links, licence, date or PDF) clears the confirmation, so the public never sees content no mentor
/// read; changing only its state or visibility keeps it, except that a draft is never confirmed.
/// </summary>
public sealed class EditArtifact(CohortDbContext db, TimeProvider clock, AuditLog audit, ArtifactMail mail)
{
    public const string NoSuchArtifact = "There is no such artifact among yours.";

    public const string ChangedMeanwhile = "A co-author changed this artifact since you opened it: reload to see their version, then make your change again.";

    public async Task<ArtifactOutcome> RunAsync(Actor fellow, int artifactId, ArtifactInput input, CancellationToken cancellation = default)
    {
        var userId = fellow.UserId ?? "";
        var artifact = await ArtifactScope.OfFellow(db, userId).Include(a => a.Authors).SingleOrDefaultAsync(a => a.Id == artifactId, cancellation);
        if (artifact is null)
        {
            return ArtifactOutcome.Refused(NoSuchArtifact);
        }

        if (input.Version is { } seen && seen != artifact.Version)
        {
            return ArtifactOutcome.Refused(ChangedMeanwhile);
        }

        var editor = await db.Fellowships.Where(f => f.ApplicantId == userId && f.SeasonId == artifact.SeasonId).Select(f => f.Id).FirstAsync(cancellation);
        var (@checked, problems) = await ArtifactRules.CheckAsync(db, input, artifact.SeasonId, editor, cancellation);
        if (@checked is null)
        {
            return new(null, problems);
        }

        var (wasConfirmed, wasDraft) = (artifact.ConfirmedAt is not null, artifact.State == ArtifactState.Draft);
        var before = ArtifactContent.Summary(artifact);
        var changed = ArtifactContent.Apply(db, artifact, @checked, userId, clock.GetUtcNow().UtcDateTime);
        if (changed)
        {
            ArtifactContent.Unconfirm(artifact);
        }

        // The mentors hear of it when it comes to await them: out of draft, or back after its content changed.
        if (artifact.State != ArtifactState.Draft && artifact.ConfirmedAt is null && (wasDraft || wasConfirmed || changed))
        {
            await mail.AwaitsConfirmationAsync(artifact, fellow.Name, cancellation);
        }

        var cleared = wasConfirmed && artifact.ConfirmedAt is null ? " The mentor's confirmation was cleared: the new content needs a new one." : "";
        audit.Record(fellow, "artifact.edited", $"artifact:{artifact.Id}",
            $"before: {before}; after: {ArtifactContent.Summary(artifact)}; state {ArtifactWords.State(artifact.State)}, {(artifact.ShowPublicly ? "public" : "not public")}.{cleared}");
        var refusal = await db.SaveOrRefuseAsync(ChangedMeanwhile, cancellation);
        return refusal is null ? new(artifact.Id, problems) : ArtifactOutcome.Refused(refusal);
    }
}
