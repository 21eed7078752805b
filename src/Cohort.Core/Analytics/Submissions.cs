using Cohort.Core.Applications;

namespace Cohort.Core.Analytics;

public static class Submissions
{
    /// <summary>
    /// Whether an application was submitted: it has a submission time, or a state only a submission leads to (a record
    /// put straight into a decided state has no time). A draft never was; nor was a draft its applicant withdrew.
    /// </summary>
    public static bool Were(ApplicationState state, DateTime? submittedAt) =>
        submittedAt is not null || state is not (ApplicationState.Draft or ApplicationState.Withdrawn);
}
