using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.Pipeline;

/// <summary>
/// What every applicant's record at a stage has: whose it is, where it stands, when it was made and last changed, and
/// the version that serialises concurrent changes. The general <see cref="Application"/>, a
/// <see cref="StreamApplications.StreamApplication"/> and a <see cref="StageEntry"/> are each this record for their
/// stage's kind (docs/glossary.md, "stage"). Not an entity of its own: each kind keeps its own table.
/// </summary>
public abstract class StageRecord : IVersioned
{
    public int Id { get; set; }
    public required string ApplicantId { get; set; }
    public ApplicationState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
