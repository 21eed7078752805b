using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Projects;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>projects</c>: every project of the season's streams with its assignments, one row per fellow a published project
/// match placed on it (a project with none has one row with empty fellow cells), from <see cref="ProjectRows"/>.
/// Fellows, and a fellow who pitched, are named by their general application; identified adds their names and emails.
/// </summary>
public sealed class ProjectsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "projects";
    public override string Title => "Projects and their assignments";
    public override string Scope => ApiScopes.MatchRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new ProjectFilter(request.SeasonId, request.StreamId);
        var projects = await ExportPages.AllAsync((after, take) => ProjectRows.PageAsync(db, filter, after, take, cancellation), p => p.Id);
        var identified = request.View == ExportView.Identified;
        var people = identified
            ? await ApplicantReferences.IdentitiesAsync(db, projects.SelectMany(p => p.Assigned.Select(a => a.FellowId).Append(p.PitchedById)).Distinct().ToList(), cancellation)
            : null;
        string[] columns =
        [
            "project_id", "stream_id", "stream", "title", "description", "capacity", "state", "mentors", "pitched_by_fellow", "pitched_by_mentor",
            "pitched_by_application_id", .. identified ? ["pitched_by_fellow_name"] : Array.Empty<string>(), "created_at", "updated_at",
            "assigned_application_id", .. identified ? ["assigned_fellow", "assigned_email"] : Array.Empty<string>(), "assigned_by_run_id",
        ];
        return new ExportRows(columns, projects.SelectMany(p =>
        {
            object?[] project =
            [
                p.Id, p.StreamId, p.Stream, p.Title, p.Description, p.Capacity, p.State.ToString(), string.Join("; ", p.Mentors), p.PitchedByFellow, p.PitchedByMentor,
                p.PitchedByApplicationId, .. identified ? [p.PitchedByFellow ? people!.GetValueOrDefault(p.PitchedById).Name : null] : Array.Empty<object?>(),
                p.CreatedAt, p.UpdatedAt,
            ];
            return p.Assigned.Count == 0
                ? [[.. project, null, .. identified ? [null, null] : Array.Empty<object?>(), null]]
                : p.Assigned.Select(a =>
                {
                    var fellow = people?.GetValueOrDefault(a.FellowId);
                    return (object?[])[.. project, a.ApplicationId, .. identified ? [fellow?.Name, fellow?.Email] : Array.Empty<object?>(), a.RunId];
                });
        }).ToList());
    }
}
