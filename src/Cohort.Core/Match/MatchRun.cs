using System.Text.Json;
using Cohort.Core.Data;

namespace Cohort.Core.Match;

/// <summary>
/// One run of a match, of either kind, stored with the input it read and the result it gave, so any run can be shown,
/// compared with another and reproduced later (<see cref="MatchSolver.Solve"/>), whatever changed in the preferences since.
/// </summary>
public class MatchRun : IVersioned
{
    public int Id { get; set; }

    /// <summary>What the run matched: a season's applicants to its streams, or one stream's fellows to its projects.</summary>
    public MatchKind Kind { get; set; }

    public int SeasonId { get; set; }

    /// <summary>For a project match, the stream whose fellows it assigns to projects; null for a stream match.</summary>
    public int? StreamId { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>How the run matched: stable with candidates (the default) or hosts proposing, or the optimum on scores.</summary>
    public MatchAlgorithm Algorithm { get; set; }

    /// <summary>The <see cref="MatchInput"/> as JSON: capacities and both sides' preferences, by id and name.</summary>
    public required string InputJson { get; set; }

    /// <summary>The <see cref="MatchResult"/> as JSON: placements, explanations and the certificate.</summary>
    public required string ResultJson { get; set; }

    public int Matched { get; set; }
    public int Unmatched { get; set; }

    /// <summary>
    /// The run's own certificate held: for a stable run, the independent check found no blocking pair; for a run
    /// optimal on scores, the duals proved no assignment of acceptable pairs scores more. Only such a run is published.
    /// </summary>
    public bool Certified { get; set; }

    /// <summary>
    /// When the run was published (a stream match's placements became offers; a project match told every fellow their
    /// project); null while it is a preview. A run is published once.
    /// </summary>
    public DateTime? PublishedAt { get; set; }

    public int Version { get; set; }

    /// <summary>A new, unpublished run of <paramref name="input"/> that gave <paramref name="result"/>.</summary>
    public static MatchRun Of(MatchKind kind, int seasonId, int? streamId, MatchAlgorithm algorithm, MatchInput input, MatchResult result, DateTime createdAt, string createdBy) => new()
    {
        Kind = kind, SeasonId = seasonId, StreamId = streamId, CreatedAt = createdAt, CreatedBy = createdBy, Algorithm = algorithm,
        InputJson = JsonSerializer.Serialize(input), ResultJson = JsonSerializer.Serialize(result),
        Matched = result.Placements.Count(p => p.HostId is not null), Unmatched = result.Placements.Count(p => p.HostId is null),
        Certified = result.Certificate.Holds,
    };
}

/// <summary>Which runs a query reads: every query of runs asks for one kind, since both kinds share the table.</summary>
public static class MatchRunQueries
{
    /// <summary>Runs of the stream match (their <see cref="MatchRun.SeasonId"/> says whose).</summary>
    public static IQueryable<MatchRun> StreamMatches(this IQueryable<MatchRun> runs) => runs.Where(r => r.Kind == MatchKind.Streams);

    /// <summary>Runs of the project match of one stream.</summary>
    public static IQueryable<MatchRun> ProjectMatches(this IQueryable<MatchRun> runs, int streamId) =>
        runs.Where(r => r.Kind == MatchKind.Projects && r.StreamId == streamId);
}
