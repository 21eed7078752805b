using Cohort.Core.Applications;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// A stage 3 question. It is asked by one stream (stream-specific) or by several (shared); a shared question is
/// answered once per applicant and that answer is reused by every stream application that asks it.
/// </summary>
public class StreamQuestion : QuestionDefinition
{
    public int SeasonId { get; set; }

    public List<StreamQuestionAsker> AskedBy { get; } = [];

    public bool IsShared => AskedBy.Count > 1;
}

/// <summary>A stream that asks a question.</summary>
public class StreamQuestionAsker
{
    public int QuestionId { get; set; }
    public int StreamId { get; set; }
}
