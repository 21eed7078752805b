using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Pipeline;

/// <summary>
/// The rows of one stage of a season (the current one unless the filter names another), with eligibility evaluated from each applicant's general
/// application: stage 1 lists general applications, stage 2 the applicants stage 1 advanced with their assessment
/// scores, stage 3 one row per stream application. All three share the filters and the decisions.
/// </summary>
public sealed class FindApplications(CohortDbContext db)
{
    public async Task<PipelineView?> RunAsync(StageKind stage, PipelineFilter filter, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentOrAsync(filter.SeasonId, cancellation);
        var form = season is null ? null : await db.ApplicationForms.AsNoTracking().Include(f => f.Questions)
            .SingleOrDefaultAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General, cancellation);
        if (season is null || form is null)
        {
            return null;
        }

        var general = db.Applications.AsNoTracking().Where(a => a.FormId == form.Id);
        var (title, deadline, rows) = stage switch
        {
            StageKind.General => (form.Title, form.ClosesAt, await StageRows.GeneralAsync(general, filter, cancellation)),
            StageKind.Assessment => ("Assessments", await AssessmentsDeadlineAsync(season, cancellation),
                await StageRows.AssessmentsAsync(db, season, general, filter, cancellation)),
            StageKind.Streams => ("Stream applications", await StreamsDeadlineAsync(season, cancellation),
                await StageRows.StreamsAsync(db, season, general, filter, cancellation)),
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        };

        // Stage 3 lists one stream's applicants at a time (its score table, each stream of the match on scores): read the
        // eligibility answers of those applicants only, not of the whole season's.
        var listed = rows.Select(r => r.GeneralApplicationId).Distinct().ToList();
        var shown = filter.StreamId is null ? general : general.Where(a => listed.Contains(a.Id));
        var eligibility = await EligibilityAsync(season, form, shown, cancellation);
        var people = await PeopleAsync(rows, cancellation);
        var ordered = stage == StageKind.Assessment
            ? rows.OrderByDescending(r => r.Score ?? double.MinValue).ThenBy(r => r.Id)
            : rows.OrderBy(r => r.SubmittedAt is null).ThenBy(r => r.SubmittedAt).ThenBy(r => r.Id);
        var result = ordered
            .Select(r => new PipelineRow(r.Id, r.GeneralApplicationId, people[r.ApplicantId].Name, people[r.ApplicantId].Email, r.State, r.SubmittedAt,
                eligibility(r.GeneralApplicationId), r.Stream, r.Score, r.Progress))
            .Where(r => filter.Eligible is not { } eligible || r.IsEligible == eligible)
            .Where(r => filter.MinScore is not { } min || r.Score >= min)
            .ToList();
        return new PipelineView(stage, title, deadline, result);
    }

    /// <summary>
    /// The eligibility problems of each general application. Only the answers a rule reads are loaded: a season's
    /// thousands of essays stay in the database.
    /// </summary>
    private async Task<Func<int, IReadOnlyList<AnswerProblem>>> EligibilityAsync(Season season, ApplicationForm form, IQueryable<Application> general, CancellationToken cancellation)
    {
        var ruleQuestions = form.Questions.Where(q => q.Identity == IdentityFlag.DateOfBirth).Select(q => q.Id).ToList();
        var answers = (await db.Set<Answer>().AsNoTracking()
                .Where(a => ruleQuestions.Contains(a.QuestionId) && general.Any(x => x.Id == a.ApplicationId))
                .Select(a => new { a.ApplicationId, a.QuestionId, a.Value })
                .ToListAsync(cancellation))
            .ToLookup(a => a.ApplicationId);
        return id => Eligibility.Check(season, form.Questions, answers[id].ToDictionary(a => a.QuestionId, a => a.Value)).ToList();
    }

    private async Task<Dictionary<string, (string Name, string Email)>> PeopleAsync(List<StageRow> rows, CancellationToken cancellation)
    {
        var ids = rows.Select(r => r.ApplicantId).Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellation))
            .ToDictionary(u => u.Id, u => (u.DisplayName, u.Email ?? ""));
    }

    private async Task<DateTime?> AssessmentsDeadlineAsync(Season season, CancellationToken cancellation) =>
        await Invitations.AssessmentStageOf(db, season.Id).MaxAsync(x => (DateTime?)x.ClosesAt, cancellation);

    /// <summary>The latest close of the tracks' stream application windows: a season has few tracks.</summary>
    private async Task<DateTime?> StreamsDeadlineAsync(Season season, CancellationToken cancellation)
    {
        DateTime? latest = null;
        foreach (var track in await db.Tracks.Where(t => t.SeasonId == season.Id).Select(t => t.Id).ToListAsync(cancellation))
        {
            if (await StreamsStage.WindowAsync(db, track, cancellation) is { } window && (latest is null || window.ClosesAt > latest))
            {
                latest = window.ClosesAt;
            }
        }

        return latest;
    }
}
