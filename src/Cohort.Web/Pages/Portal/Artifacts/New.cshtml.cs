using Cohort.Core.Accounts;
using Cohort.Core.Artifacts;

namespace Cohort.Web.Pages.Portal.Artifacts;

/// <summary>A fellow records an artifact: they are its first author until they reorder the byline.</summary>
public class NewModel(CohortDbContext db, RecordArtifact record) : ArtifactFormPage(db)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var fellowship = await ArtifactScope.LatestFellowshipAsync(Db, User.Id(), cancellation);
        if (fellowship is null)
        {
            return NotFound();
        }

        Input.Authors = [new AuthorRow { Who = AuthorRow.FellowKey(fellowship.Id) }];
        Input.AddSpareRows();
        await LoadPeopleAsync(fellowship.SeasonId, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var fellowship = await ArtifactScope.LatestFellowshipAsync(Db, User.Id(), cancellation);
        if (fellowship is null)
        {
            return NotFound();
        }

        if (await SaveAsync(input => record.RunAsync(User.AsActor(), input, cancellation), "recorded") is { } saved)
        {
            return saved;
        }

        await LoadPeopleAsync(fellowship.SeasonId, cancellation);
        return Page();
    }
}
