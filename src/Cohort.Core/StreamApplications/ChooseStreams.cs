using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Portal;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.StreamApplications;

/// <summary>
/// The applicant picks the streams they want to apply to, any number. A newly chosen stream starts a draft; a
/// draft no longer chosen is dropped (its answers stay, they belong to the applicant). Submitted and withdrawn
/// applications are never touched here.
/// </summary>
public sealed class ChooseStreams(CohortDbContext db, TimeProvider clock)
{
    public async Task<string?> RunAsync(string applicantId, int seasonId, IReadOnlyCollection<int> streamIds, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await ApplicantStandings.ClosureAsync(db, applicantId, cancellation) is { } closure)
        {
            return closure;
        }

        if (!await StreamsStage.IsInvitedAsync(db, applicantId, seasonId, cancellation))
        {
            return StreamsStage.NotInvited;
        }

        var chosen = await db.Streams.Where(s => streamIds.Contains(s.Id) && s.Track!.SeasonId == seasonId).ToListAsync(cancellation);
        var existing = await db.StreamApplications.Where(a => a.ApplicantId == applicantId && a.Stream!.Track!.SeasonId == seasonId).ToListAsync(cancellation);
        foreach (var stream in chosen.Where(s => existing.All(a => a.StreamId != s.Id)))
        {
            if (await StreamsStage.ClosedForAsync(db, stream, now, cancellation) is { } closed)
            {
                return closed;
            }

            db.StreamApplications.Add(new StreamApplication { StreamId = stream.Id, ApplicantId = applicantId, State = ApplicationState.Draft, CreatedAt = now, UpdatedAt = now });
        }

        db.StreamApplications.RemoveRange(existing.Where(a => a.State == ApplicationState.Draft && chosen.All(s => s.Id != a.StreamId)));
        return await db.SaveOrRefuseAsync("Your choice changed in another tab while this one was saved; please look at it again.", cancellation);
    }
}
