namespace Cohort.Core.Match;

/// <summary>
/// An applicant a published run considered and did not place, with the engine's explanation. Written once at
/// publication so that the portal reads one applicant's row instead of the run's whole result.
/// </summary>
public class UnplacedApplicant
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public required string ApplicantId { get; set; }
    public required string Explanation { get; set; }
}
