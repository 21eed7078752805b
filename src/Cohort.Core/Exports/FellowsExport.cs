using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Programme;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>fellows</c>: the season's cohort, one row per fellowship, from <see cref="FellowshipRows"/>: stream, project,
/// dates, extension and the mentors' latest assessment. Fellows are known by their fellowship (and general
/// application, when they made one); identified adds their names and emails.
/// </summary>
public sealed class FellowsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "fellows";
    public override string Title => "Fellows of the cohort";
    public override string Scope => ApiScopes.ProgrammeRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new FellowshipFilter(request.SeasonId, request.StreamId);
        var fellows = await ExportPages.AllAsync((after, take) => FellowshipRows.PageAsync(db, filter, after, take, cancellation), f => f.Id);
        var people = request.View == ExportView.Identified ? await ApplicantReferences.IdentitiesAsync(db, fellows.Select(f => f.ApplicantId).Distinct().ToList(), cancellation) : null;
        string[] columns =
        [
            "fellowship_id", "application_id", .. IdentityColumns(request.View), "season", "stream", "stream_name", "projects", "started_at", "ends_on", "extended",
            "latest_assessment", "latest_assessment_at",
        ];
        return new ExportRows(columns, fellows.Select(f =>
        {
            var person = people?.GetValueOrDefault(f.ApplicantId);
            return (object?[])
            [
                f.Id, f.ApplicationId, .. IdentityCells(request.View, person?.Name, person?.Email), f.Season, f.StreamSlug, f.Stream, string.Join("; ", f.Projects),
                f.StartedAt, f.EndsOn, f.Extended, f.LatestAssessment?.ToString(), f.LatestAssessmentAt,
            ];
        }).ToList());
    }
}
