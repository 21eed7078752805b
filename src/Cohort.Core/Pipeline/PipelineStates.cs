using Cohort.Core.Applications;
using Cohort.Core.Catalogue;

namespace Cohort.Core.Pipeline;

public static class PipelineStates
{
    /// <summary>
    /// A state as a stage's tables name it: at the assessment stage, "Submitted" means the entry awaits a decision; in an
    /// extension round, "Advanced" is an accepted extension.
    /// </summary>
    public static string Name(StageKind stage, ApplicationState state) => (stage, state) switch
    {
        (StageKind.Assessment, ApplicationState.Submitted) => "Awaiting decision",
        (StageKind.Extension, ApplicationState.Advanced) => "Accepted",
        _ => state.ToString(),
    };
}
