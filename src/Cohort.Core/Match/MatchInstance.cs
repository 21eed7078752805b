using Cohort.Matching.Stable;
using EnginePreferences = Cohort.Matching.Stable.Preferences;

namespace Cohort.Core.Match;

/// <summary>
/// A <see cref="MatchInput"/> as the engine's stable-matching instance: applicants and streams by their index in
/// the input, each ranking without names the input does not hold. Every algorithm's stability check reads this.
/// </summary>
internal static class MatchInstance
{
    public static StableMatchingInstance Of(MatchInput input)
    {
        var applicantIndex = input.Applicants.Select((a, i) => (a.ApplicantId, i)).ToDictionary(x => x.ApplicantId, x => x.i);
        return new StableMatchingInstance(
            EnginePreferences.Strict(RankedStreams(input)),
            EnginePreferences.Strict(input.Streams.Select(s => s.Ranking.Where(applicantIndex.ContainsKey).Select(a => applicantIndex[a]).ToArray()).ToList()),
            input.Streams.Select(s => s.Capacity).ToArray());
    }

    /// <summary>Each applicant's ranking as indices into the input's streams, best first, without streams it does not hold.</summary>
    public static List<int[]> RankedStreams(MatchInput input)
    {
        var streamIndex = input.Streams.Select((s, i) => (s.StreamId, i)).ToDictionary(x => x.StreamId, x => x.i);
        return input.Applicants.Select(a => a.Ranking.Where(streamIndex.ContainsKey).Select(s => streamIndex[s]).ToArray()).ToList();
    }

    /// <summary>The result's placements and fills for <paramref name="streamOf"/> (each applicant's stream index, or -1).</summary>
    public static MatchResult Result(MatchInput input, IReadOnlyList<int> streamOf, IReadOnlyList<string> explanations, MatchCertificate certificate, Func<int, double?>? scoreOf = null)
    {
        var placements = input.Applicants.Select((a, i) => streamOf[i] is var s and >= 0
                ? new Placement(a.ApplicantId, a.Name, input.Streams[s].StreamId, input.Streams[s].Name, explanations[i], scoreOf?.Invoke(i))
                : new Placement(a.ApplicantId, a.Name, null, null, explanations[i]))
            .ToList();
        var fills = input.Streams.Select((s, i) => new StreamFill(s.StreamId, s.Name, s.Capacity, streamOf.Count(m => m == i))).ToList();
        return new MatchResult(placements, fills, certificate);
    }
}
