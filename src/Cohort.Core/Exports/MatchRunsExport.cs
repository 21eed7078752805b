using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Match;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>match-runs</c>: every run of the season, one row per candidate's placement, with the run's algorithm, its
/// certificate (acceptable pairs only, capacities respected, blocking pairs, optimality proven, total score) and the
/// candidate's explanation, from <see cref="MatchRunRows"/>. Candidates are named by their general application;
/// identified adds their name and email.
/// </summary>
public sealed class MatchRunsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "match-runs";
    public override string Title => "Match runs with their certificates and explanations";
    public override string Scope => ApiScopes.MatchRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new MatchRunFilter(request.SeasonId, StreamId: request.StreamId);
        var runs = await ExportPages.AllAsync((after, take) => MatchRunRows.PageAsync(db, filter, after, take, cancellation), r => r.Id);
        var identified = request.View == ExportView.Identified;
        var people = identified
            ? await ApplicantReferences.IdentitiesAsync(db, runs.SelectMany(r => r.Placements).Select(p => p.CandidateId).Distinct().ToList(), cancellation)
            : null;
        string[] columns =
        [
            "run_id", "kind", "stream_id", "algorithm", "created_at", "created_by", "published_at", "certified", "only_acceptable_pairs", "capacities_respected",
            "blocking_pairs", "optimality_proven", "total_score", "application_id", .. identified ? ["candidate", "email"] : Array.Empty<string>(),
            "host_id", "host", "score", "explanation",
        ];
        return new ExportRows(columns, runs.SelectMany(r => r.Placements.Select(p =>
        {
            var (certificate, person) = (r.Certificate, people?.GetValueOrDefault(p.CandidateId));
            return (object?[])
            [
                r.Id, r.Kind.ToString().ToLowerInvariant(), r.StreamId, r.Algorithm.ToString(), r.CreatedAt, r.CreatedBy, r.PublishedAt, r.Certified,
                certificate.OnlyAcceptablePairs, certificate.CapacitiesRespected, certificate.BlockingPairs, certificate.OptimalityProven, certificate.TotalScore,
                p.ApplicationId, .. identified ? [person?.Name, person?.Email] : Array.Empty<object?>(), p.HostId, p.Host, p.Score, p.Explanation,
            ];
        })).ToList());
    }
}
