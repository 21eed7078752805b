using Cohort.Core.Pipeline;

namespace Cohort.Core.Applications;

/// <summary>One applicant's answers to one form, from first draft to a decision.</summary>
public class Application : StageRecord, ISubmittable
{
    public int FormId { get; set; }
    public ApplicationForm? Form { get; set; }
    public DateTime? SubmittedAt { get; set; }

    public List<Answer> Answers { get; } = [];
}

/// <summary>
/// Where an application stands. Draft and Submitted are the applicant's doing; Advanced, Waitlisted and Rejected
/// are admin decisions on a submitted application; Withdrawn is the applicant leaving.
/// </summary>
public enum ApplicationState
{
    Draft,
    Submitted,
    Withdrawn,
    Advanced,
    Waitlisted,
    Rejected,
}

/// <summary>The answer to one question. Choices are stored one a line; a file answer points at a stored file.</summary>
public class Answer
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int QuestionId { get; set; }
    public string Value { get; set; } = "";
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }
}
