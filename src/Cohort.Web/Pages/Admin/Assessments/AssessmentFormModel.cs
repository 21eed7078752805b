using Cohort.Core.Assessments;
using Cohort.Web.Pages.Shared.Assessments;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Assessments;

/// <summary>
/// Creates a stage 2 assessment for a track (/admin/assessments/new) or edits any assessment of the season
/// (/admin/assessments/{id}/edit), with the assessment editor; the admin chooses the track.
/// </summary>
public sealed class AssessmentFormModel(CohortDbContext db, AuditLog audit) : AssessmentForm(db, audit)
{
    public override bool ChoosesTrack => true;

    protected override EditorScope Scope => AdminEditorScope.Instance;

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        await base.CheckAsync(cancellation);
        if (string.IsNullOrEmpty(Input.Track))
        {
            ModelState.AddModelError("Input.Track", "Choose the assessment's track.");
        }
        else if (await CatalogueRules.TrackProblemAsync(Db, Season.Id, Input.Track, cancellation) is { } problem)
        {
            ModelState.AddModelError("Input.Track", problem);
        }
        else if (Record?.StreamId is not null && Input.Track != Record.Track!.Slug)
        {
            ModelState.AddModelError("Input.Track", "This is a stream's follow-up assessment: it stays in the stream's track.");
        }
    }

    /// <summary>Places a new or edited assessment in the track the admin chose.</summary>
    protected override async Task PlaceAsync(Assessment assessment, CancellationToken cancellation) =>
        assessment.Track = await Db.Tracks.SingleAsync(t => t.SeasonId == Season.Id && t.Slug == Input.Track, cancellation);

    protected override async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        await base.LoadChoicesAsync(cancellation);
        Tracks = await Db.Tracks.Where(t => t.SeasonId == Season.Id).OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Slug)).ToListAsync(cancellation);
    }
}
