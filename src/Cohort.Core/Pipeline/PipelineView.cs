using Cohort.Core.Applications;
using Cohort.Core.Catalogue;

namespace Cohort.Core.Pipeline;

/// <summary>Which rows of a stage's pipeline table (or a mailing) are selected; null means any.</summary>
/// <param name="MinScore">Only rows with a score of at least this; rows without a score are left out when set.</param>
/// <param name="SeasonId">The season whose rows are read; the current one when null (the pipeline pages, mail).</param>
public sealed record PipelineFilter(ApplicationState? State = null, bool? Eligible = null, int? StreamId = null, double? MinScore = null, int? SeasonId = null);

/// <summary>
/// One row of a stage's pipeline table. <see cref="Id"/> is what a decision acts on: the general application for
/// stages 1 and 2, the stream application for stage 3. Eligibility always comes from the general application.
/// </summary>
/// <param name="Progress">What the applicant has done in the stage so far, in words ("2 of 2 assessments handed in").</param>
public sealed record PipelineRow(
    int Id,
    int GeneralApplicationId,
    string ApplicantName,
    string Email,
    ApplicationState State,
    DateTime? SubmittedAt,
    IReadOnlyList<AnswerProblem> EligibilityProblems,
    string Stream,
    double? Score,
    string Progress)
{
    public bool IsEligible => EligibilityProblems.Count == 0;
}

/// <summary>A stage's title and published deadline (for mail merge fields) and the rows that pass the filter.</summary>
public sealed record PipelineView(StageKind Stage, string Title, DateTime? Deadline, IReadOnlyList<PipelineRow> Rows);
