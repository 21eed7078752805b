using System.Runtime.CompilerServices;
using System.Text.Json;
using Cohort.Matching.Stable;

namespace Cohort.Cli.Matching;

/// <summary>
/// Writes the <c>match stable</c> result as the contract describes, plus certificate and explanations, in the
/// contract's words: each candidate is written as an applicant, each host as a mentor.
/// </summary>
internal static class StableResultWriter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(ContractStableInstance input, StableMatchingResult result, string[] explanations)
    {
        using var json = ResultJson.Open();
        var w = json.Writer;
        w.WriteStartArray("matches");
        for (int c = 0; c < result.HostOf.Length; c++)
        {
            if (result.HostOf[c] >= 0)
            {
                w.WriteStartObject();
                w.WriteString("applicant", input.ApplicantIds[c]);
                w.WriteString("mentor", input.MentorIds[result.HostOf[c]]);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("unmatched");
        for (int c = 0; c < result.HostOf.Length; c++)
        {
            if (result.HostOf[c] < 0)
            {
                w.WriteStringValue(input.ApplicantIds[c]);
            }
        }

        w.WriteEndArray();
        w.WriteString("proposer", ContractWords.NameOf(result.Proposer));
        w.WriteBoolean("stable", result.Certificate.IsStable);
        w.WriteBoolean("tiesBroken", result.TiesBroken);
        w.WriteNumber("seed", result.Seed);
        w.WriteString("tieBreakingRule", "single lottery per side: Fisher-Yates shuffle by SplitMix64(seed), applicants first; ties go to the better lottery number");
        WriteCertificate(w, input, result.Certificate);
        w.WriteStartArray("explanations");
        for (int a = 0; a < explanations.Length; a++)
        {
            w.WriteStartObject();
            w.WriteString("applicant", input.ApplicantIds[a]);
            w.WriteString("text", explanations[a]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        json.WriteStats(
            ("proposals", result.Proposals),
            ("solveMs", result.SolveTime.TotalMilliseconds),
            ("applicants", input.ApplicantIds.Count),
            ("mentors", input.MentorIds.Count));
    }

    private static void WriteCertificate(Utf8JsonWriter w, ContractStableInstance input, StabilityCertificate certificate)
    {
        w.WriteStartObject("certificate");
        w.WriteBoolean("onlyAcceptablePairs", certificate.OnlyAcceptablePairs);
        w.WriteBoolean("capacitiesRespected", certificate.CapacitiesRespected);
        w.WriteNumber("blockingPairCount", certificate.BlockingPairCount);
        w.WriteStartArray("blockingPairs");
        foreach (var (candidate, host) in certificate.BlockingPairs)
        {
            w.WriteStartObject();
            w.WriteString("applicant", input.ApplicantIds[candidate]);
            w.WriteString("mentor", input.MentorIds[host]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
