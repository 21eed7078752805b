using System.Text.Json;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>Which match runs a read selects; null means any.</summary>
public sealed record MatchRunFilter(int? SeasonId = null, MatchKind? Kind = null, int? StreamId = null, bool? Published = null);

/// <summary>
/// A run's placement of one candidate (an applicant in the stream match, a fellow in the project match), named by
/// their general application in the run's season (<see cref="ApplicantReferences"/>); <see cref="CandidateId"/> is the
/// account, for identified views to look up.
/// </summary>
public sealed record RunPlacement(string CandidateId, int? ApplicationId, int? HostId, string? Host, double? Score, string Explanation);

/// <summary>A stored run with its certificate, each host's fill and every candidate's placement and explanation.</summary>
public sealed record MatchRunRow(
    int Id, MatchKind Kind, int SeasonId, int? StreamId, DateTime CreatedAt, string CreatedBy, MatchAlgorithm Algorithm, int Matched, int Unmatched,
    bool Certified, DateTime? PublishedAt, MatchCertificate Certificate, IReadOnlyList<HostFill> Fills, IReadOnlyList<RunPlacement> Placements);

/// <summary>The one query of match runs with their results, paged by run id: <c>/api/v1/match-runs</c> and the match-runs export.</summary>
public static class MatchRunRows
{
    public static async Task<IReadOnlyList<MatchRunRow>> PageAsync(CohortDbContext db, MatchRunFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var runs = await db.MatchRuns.AsNoTracking()
            .Where(r => r.Id > afterId && (filter.SeasonId == null || r.SeasonId == filter.SeasonId) && (filter.Kind == null || r.Kind == filter.Kind)
                && (filter.StreamId == null || r.StreamId == filter.StreamId) && (filter.Published == null || (r.PublishedAt != null) == filter.Published))
            .OrderBy(r => r.Id).Take(take).ToListAsync(cancellation);
        var results = runs.ToDictionary(r => r.Id, r => JsonSerializer.Deserialize<MatchResult>(r.ResultJson)!);
        var applications = new Dictionary<int, IReadOnlyDictionary<string, int>>();
        foreach (var season in runs.GroupBy(r => r.SeasonId))
        {
            var candidates = season.SelectMany(r => results[r.Id].Placements).Select(p => p.CandidateId).Distinct().ToList();
            applications[season.Key] = await ApplicantReferences.GeneralApplicationsAsync(db, season.Key, candidates, cancellation);
        }

        return runs.Select(r =>
        {
            var result = results[r.Id];
            return new MatchRunRow(r.Id, r.Kind, r.SeasonId, r.StreamId, r.CreatedAt, r.CreatedBy, r.Algorithm, r.Matched, r.Unmatched, r.Certified, r.PublishedAt,
                result.Certificate, result.Fills,
                result.Placements.Select(p => new RunPlacement(p.CandidateId, applications[r.SeasonId].TryGetValue(p.CandidateId, out var id) ? id : null,
                    p.HostId, p.Host, p.Score, p.Explanation)).ToList());
        }).ToList();
    }
}
