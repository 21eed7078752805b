using Cohort.Core.Applications;
using Cohort.Core.Catalogue;

namespace Cohort.Core.Pipeline;

public static class PipelineStates
{
    /// <summary>A state as a stage's tables name it: at the assessment stage, "Submitted" means the entry awaits a decision.</summary>
    public static string Name(StageKind stage, ApplicationState state) =>
        stage == StageKind.Assessment && state == ApplicationState.Submitted ? "Awaiting decision" : state.ToString();
}
