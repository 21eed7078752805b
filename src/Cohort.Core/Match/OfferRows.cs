using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>Which offers a read selects; null means any.</summary>
public sealed record OfferFilter(int? SeasonId = null, OfferState? State = null, int? StreamId = null, int? RunId = null);

/// <summary>An offer with its state and its dates; <see cref="ApplicantId"/> is for identified views to look up.</summary>
public sealed record OfferRow(
    int Id, int RunId, int SeasonId, int StreamId, string Stream, int StreamApplicationId, int ApplicationId, string ApplicantId, OfferState State,
    DateTime CreatedAt, DateTime RespondBy, DateTime? RespondedAt);

/// <summary>The one query of offers, paged by offer id: <c>/api/v1/offers</c> and the offers export.</summary>
public static class OfferRows
{
    public static async Task<IReadOnlyList<OfferRow>> PageAsync(CohortDbContext db, OfferFilter filter, int afterId, int take, CancellationToken cancellation) =>
        await db.Offers.AsNoTracking()
            .Where(o => o.Id > afterId && (filter.SeasonId == null || o.SeasonId == filter.SeasonId) && (filter.State == null || o.State == filter.State)
                && (filter.StreamId == null || o.StreamId == filter.StreamId) && (filter.RunId == null || o.RunId == filter.RunId))
            .OrderBy(o => o.Id).Take(take)
            .Select(o => new OfferRow(o.Id, o.RunId, o.SeasonId, o.StreamId, db.Streams.Where(s => s.Id == o.StreamId).Select(s => s.Name).First(), o.StreamApplicationId,
                db.Applications.Where(a => a.ApplicantId == o.ApplicantId && a.Form!.SeasonId == o.SeasonId && a.Form.Kind == FormKind.General).Select(a => a.Id).FirstOrDefault(),
                o.ApplicantId, o.State, o.CreatedAt, o.RespondBy, o.RespondedAt))
            .ToListAsync(cancellation);
}
