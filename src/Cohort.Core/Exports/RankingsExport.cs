using Cohort.Core.Api;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>rankings</c>: the season's calibrated rankings, every selection stage's score table (at the streams stage one per
/// stream) in place order, as <see cref="Rankings"/> reads them through the score page's own computation: the raw
/// mean, the calibrated score and its standard error, each composite part (a column per part, named as the score
/// page names it) and the composite. Identified adds the applicant's name and email.
/// </summary>
public sealed class RankingsExport(Rankings rankings) : ExportKind
{
    public override string Name => "rankings";
    public override string Title => "Calibrated rankings: each stage's score table";
    public override string Scope => ApiScopes.ReviewsRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var rows = await rankings.TablesAsync(request.SeasonId, null, request.StreamId, cancellation);
        var identified = request.View == ExportView.Identified;
        var parts = rows.SelectMany(r => r.Table.Parts).Select(p => p.Name).Distinct().ToList();
        string[] columns =
        [
            "stage", "stream_id", "stream", "place", "subject", "subject_id", "application_id",
            .. identified ? ["applicant", "email"] : Array.Empty<string>(),
            "state", "raw_mean", "calibrated", "standard_error", "reviews", "spread", "disagreement", .. parts, "composite", "incomplete",
        ];
        return new ExportRows(columns, rows.Select(r =>
        {
            var (stage, row, score) = (r.Table.View.Stage, r.Score.Row, r.Score.Score);
            var values = r.Table.Parts.ToDictionary(p => p.Name, p => r.Score.Parts.GetValueOrDefault(p.Key));
            return (object?[])
            [
                StageKinds.Name(stage), r.StreamId, stage == StageKind.Streams ? row.Stream : null, r.Place,
                ReviewRows.SubjectKind(stage), row.Id, row.GeneralApplicationId,
                .. identified ? [row.ApplicantName, row.Email] : Array.Empty<object?>(),
                row.State.ToString(), score?.RawMean, score?.Calibrated, score?.StandardError, score?.ReviewCount ?? 0, score?.Spread, score?.Disagreement == true,
                .. parts.Select(p => values.TryGetValue(p, out var value) ? value : null), r.Score.Composite.Value, r.Score.Composite.Incomplete,
            ];
        }).ToList());
    }
}
