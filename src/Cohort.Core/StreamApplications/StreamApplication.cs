using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Pipeline;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// One applicant's application to one stream (the streams stage). A coalition stream gets one application like any other
/// stream, and every mentor of the stream sees it.
/// </summary>
public class StreamApplication : StageRecord, ISubmittable
{
    public int StreamId { get; set; }
    public ResearchStream? Stream { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>Submitted or decided on, and not withdrawn: the stream is considering the applicant.</summary>
    public bool IsUnderConsideration => IsUnderConsiderationIn(State);

    /// <summary>The same test on a state alone, for views that read states without loading the entity.</summary>
    public static bool IsUnderConsiderationIn(ApplicationState state) =>
        state is ApplicationState.Submitted or ApplicationState.Advanced or ApplicationState.Waitlisted;
}

/// <summary>
/// An applicant's answer to a streams stage question. Kept per applicant and question, not per stream application,
/// so a shared question answered once fills every stream application that asks it.
/// </summary>
public class StreamAnswer
{
    public int Id { get; set; }
    public required string ApplicantId { get; set; }
    public int QuestionId { get; set; }
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
