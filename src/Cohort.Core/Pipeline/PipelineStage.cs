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
