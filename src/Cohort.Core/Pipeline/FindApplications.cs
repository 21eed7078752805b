using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Pipeline;

/// <summary>Which applications of a stage a pipeline table (or a mailing) covers; null means any.</summary>
public sealed record PipelineFilter(ApplicationState? State = null, bool? Eligible = null);

/// <summary>One row of a stage's pipeline table.</summary>
public sealed record PipelineRow(
    int Id, string ApplicantName, string Email, ApplicationState State, DateTime? SubmittedAt, IReadOnlyList<AnswerProblem> EligibilityProblems)
{
    public bool IsEligible => EligibilityProblems.Count == 0;
}

/// <summary>The stage's form and the applications to it that pass the filter.</summary>
public sealed record PipelineView(ApplicationForm Form, IReadOnlyList<PipelineRow> Rows);

/// <summary>
/// The applications to one stage of the current season, with eligibility evaluated from their answers. Stage 1 is
/// the general form; later stages plug in as further form kinds with the same rows and filters.
/// </summary>
public sealed class FindApplications(CohortDbContext db)
{
    public async Task<PipelineView?> RunAsync(FormKind stage, PipelineFilter filter, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        var form = season is null ? null : await db.ApplicationForms.AsNoTracking().Include(f => f.Questions)
            .SingleOrDefaultAsync(f => f.SeasonId == season.Id && f.Kind == stage, cancellation);
        if (season is null || form is null)
        {
            return null;
        }

        var applications = db.Applications.AsNoTracking().Where(a => a.FormId == form.Id);
        if (filter.State is { } state)
        {
            applications = applications.Where(a => a.State == state);
        }

        var rows = await applications
            .Join(db.Users, a => a.ApplicantId, u => u.Id, (a, u) => new { a.Id, u.DisplayName, u.Email, a.State, a.SubmittedAt })
            .OrderBy(a => a.SubmittedAt == null).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellation);

        // Only the answers eligibility reads are loaded: a season's thousands of essays stay in the database.
        var ruleQuestions = form.Questions.Where(q => q.Purpose != QuestionPurpose.None).Select(q => q.Id).ToList();
        var answers = (await db.Set<Answer>().AsNoTracking()
                .Where(a => ruleQuestions.Contains(a.QuestionId) && applications.Any(x => x.Id == a.ApplicationId))
                .Select(a => new { a.ApplicationId, a.QuestionId, a.Value })
                .ToListAsync(cancellation))
            .ToLookup(a => a.ApplicationId);

        var result = rows
            .Select(r => new PipelineRow(r.Id, r.DisplayName, r.Email ?? "", r.State, r.SubmittedAt,
                Eligibility.Check(season, form.Questions, answers[r.Id].ToDictionary(a => a.QuestionId, a => a.Value)).ToList()))
            .Where(r => filter.Eligible is not { } eligible || r.IsEligible == eligible)
            .ToList();
        return new PipelineView(form, result);
    }
}
