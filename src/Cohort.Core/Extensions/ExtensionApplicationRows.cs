using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>Which extension applications a read selects; null means any.</summary>
public sealed record ExtensionApplicationFilter(int? SeasonId = null, int? RoundId = null, ApplicationState? State = null, int? StreamId = null);

/// <summary>
/// An extension application: its round, the fellowship that applied (<see cref="ApplicantId"/> for identified views to
/// look up), the amount it asks, its state, its mentors' endorsements summed up (mean rating and count), and whether
/// it has been decided (accepted, waitlisted or rejected).
/// </summary>
public sealed record ExtensionApplicationRow(
    int Id, int RoundId, string Round, int SeasonId, int FellowshipId, string ApplicantId, int StreamId, string Stream, int RequestedAmount, string Currency,
    ApplicationState State, DateTime? SubmittedAt, DateTime UpdatedAt, double? EndorsementRating, int Endorsements, bool Decided);

/// <summary>The one query of extension applications, paged by id: <c>/api/v1/extension-applications</c> and the extensions export.</summary>
public static class ExtensionApplicationRows
{
    public static async Task<IReadOnlyList<ExtensionApplicationRow>> PageAsync(CohortDbContext db, ExtensionApplicationFilter filter, int afterId, int take, CancellationToken cancellation) =>
        (await db.ExtensionApplications.AsNoTracking()
            .Where(a => a.Id > afterId && (filter.RoundId == null || a.RoundId == filter.RoundId) && (filter.State == null || a.State == filter.State)
                && (filter.SeasonId == null || db.ExtensionRounds.Any(r => r.Id == a.RoundId && r.SeasonId == filter.SeasonId))
                && (filter.StreamId == null || db.Fellowships.Any(f => f.Id == a.FellowshipId && f.StreamId == filter.StreamId)))
            .OrderBy(a => a.Id).Take(take)
            .Select(a => new
            {
                Application = a,
                Round = db.ExtensionRounds.Where(r => r.Id == a.RoundId).Select(r => new { r.Name, r.SeasonId, r.Currency }).First(),
                Fellow = db.Fellowships.Where(f => f.Id == a.FellowshipId)
                    .Select(f => new { f.ApplicantId, f.StreamId, Stream = db.Streams.Where(s => s.Id == f.StreamId).Select(s => s.Name).First() }).First(),
                Rating = a.Endorsements.Average(e => (double?)e.Rating),
                Endorsements = a.Endorsements.Count,
            })
            .ToListAsync(cancellation))
        .Select(r => new ExtensionApplicationRow(
            r.Application.Id, r.Application.RoundId, r.Round.Name, r.Round.SeasonId, r.Application.FellowshipId, r.Fellow.ApplicantId, r.Fellow.StreamId, r.Fellow.Stream,
            r.Application.RequestedAmount, r.Round.Currency, r.Application.State, r.Application.SubmittedAt, r.Application.UpdatedAt, r.Rating, r.Endorsements,
            r.Application.State is ApplicationState.Advanced or ApplicationState.Waitlisted or ApplicationState.Rejected))
        .ToList();
}
