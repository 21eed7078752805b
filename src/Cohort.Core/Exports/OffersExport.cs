using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Match;

namespace Cohort.Core.Exports;

/// <summary><c>offers</c>: every offer of the season with its state and dates, from <see cref="OfferRows"/>; identified adds the applicant's name and email.</summary>
public sealed class OffersExport(CohortDbContext db) : ExportKind
{
    public override string Name => "offers";
    public override string Title => "Offers and their states";
    public override string Scope => ApiScopes.MatchRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new OfferFilter(request.SeasonId, StreamId: request.StreamId);
        var offers = await ExportPages.AllAsync((after, take) => OfferRows.PageAsync(db, filter, after, take, cancellation), o => o.Id);
        var identified = request.View == ExportView.Identified;
        var people = identified ? await ApplicantReferences.IdentitiesAsync(db, offers.Select(o => o.ApplicantId).Distinct().ToList(), cancellation) : null;
        string[] columns =
        [
            "offer_id", "run_id", "stream_id", "stream", "stream_application_id", "application_id", .. identified ? ["applicant", "email"] : Array.Empty<string>(),
            "state", "offered_at", "respond_by", "responded_at",
        ];
        return new ExportRows(columns, offers.Select(o =>
        {
            var person = people?.GetValueOrDefault(o.ApplicantId);
            return (object?[])
            [
                o.Id, o.RunId, o.StreamId, o.Stream, o.StreamApplicationId, o.ApplicationId, .. identified ? [person?.Name, person?.Email] : Array.Empty<object?>(),
                o.State.ToString(), o.CreatedAt, o.RespondBy, o.RespondedAt,
            ];
        }).ToList());
    }
}
