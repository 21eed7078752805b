using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Extensions;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>extensions</c>: one row per extension application of the season's rounds, from <see cref="ExtensionApplicationRows"/>:
/// the round, the fellowship, the amount asked, the state, the endorsements' mean rating and count, and whether it was
/// decided. Answers and endorsement comments are not in it (they are the fellow's and the mentors' writing, read on
/// the review pages). Identified adds the fellow's name and email.
/// </summary>
public sealed class ExtensionsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "extensions";
    public override string Title => "Extension applications with their endorsements";
    public override string Scope => ApiScopes.ProgrammeRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new ExtensionApplicationFilter(request.SeasonId, StreamId: request.StreamId);
        var applications = await ExportPages.AllAsync((after, take) => ExtensionApplicationRows.PageAsync(db, filter, after, take, cancellation), a => a.Id);
        var people = request.View == ExportView.Identified
            ? await ApplicantReferences.IdentitiesAsync(db, applications.Select(a => a.ApplicantId).Distinct().ToList(), cancellation)
            : null;
        string[] columns =
        [
            "extension_application_id", "round_id", "round", "fellowship_id", .. IdentityColumns(request.View), "stream", "requested_amount", "currency", "state",
            "submitted_at", "endorsement_rating", "endorsements", "decided", "updated_at",
        ];
        return new ExportRows(columns, applications.Select(a =>
        {
            var person = people?.GetValueOrDefault(a.ApplicantId);
            return (object?[])
            [
                a.Id, a.RoundId, a.Round, a.FellowshipId, .. IdentityCells(request.View, person?.Name, person?.Email), a.Stream, a.RequestedAmount, a.Currency,
                a.State.ToString(), a.SubmittedAt, a.EndorsementRating, a.Endorsements, a.Decided, a.UpdatedAt,
            ];
        }).ToList());
    }
}
