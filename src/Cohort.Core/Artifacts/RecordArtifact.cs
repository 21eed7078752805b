using Cohort.Core.Audit;
using Cohort.Core.Data;

namespace Cohort.Core.Artifacts;

/// <summary>
/// A fellow records an artifact under their latest fellowship: its season and stream are theirs, they are among its
/// authors, and every fellow of the byline owns it with them. Nothing is written while any field has a problem. Unless
/// it is a draft, the stream's mentors are told it awaits their confirmation.
/// </summary>
public sealed class RecordArtifact(CohortDbContext db, TimeProvider clock, AuditLog audit, ArtifactMail mail)
{
    public const string NotAFellow = "Only fellows record artifacts: this account has no fellowship.";

    public async Task<ArtifactOutcome> RunAsync(Actor fellow, ArtifactInput input, CancellationToken cancellation = default)
    {
        var fellowship = await ArtifactScope.LatestFellowshipAsync(db, fellow.UserId ?? "", cancellation);
        if (fellowship is null)
        {
            return ArtifactOutcome.Refused(NotAFellow);
        }

        var (@checked, problems) = await ArtifactRules.CheckAsync(db, input, fellowship.SeasonId, fellowship.Id, cancellation);
        if (@checked is null)
        {
            return new(null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var artifact = new Artifact
        {
            SeasonId = fellowship.SeasonId, StreamId = fellowship.StreamId, Title = @checked.Title, RecordedById = fellowship.ApplicantId, CreatedAt = now,
        };
        ArtifactContent.Apply(db, artifact, @checked, fellowship.ApplicantId, now);
        db.Artifacts.Add(artifact);
        // The artifact has no id before the save, which records the entry with it: the fellowship names where it went.
        audit.Record(fellow, "artifact.recorded", $"fellowship:{fellowship.Id}", ArtifactContent.Summary(artifact));
        if (artifact.State != ArtifactState.Draft)
        {
            await mail.AwaitsConfirmationAsync(artifact, fellow.Name, cancellation);
        }

        await db.SaveChangesAsync(cancellation);
        return new(artifact.Id, problems);
    }
}
