namespace Cohort.Core.Pipeline;

/// <summary>
/// The three stages an admin decides on, each with its own pipeline table: the general application, the
/// assessments (decided on the general application's <see cref="Applications.Application.AssessmentState"/>),
/// and the stream applications, one row per applicant and stream.
/// </summary>
public enum PipelineStage
{
    General,
    Assessments,
    Streams,
}

public static class PipelineStates
{
    /// <summary>A state as a stage's tables name it: at stage 2, "Submitted" means the assessments await a decision.</summary>
    public static string Name(PipelineStage stage, Applications.ApplicationState state) =>
        stage == PipelineStage.Assessments && state == Applications.ApplicationState.Submitted ? "Awaiting decision" : state.ToString();
}
