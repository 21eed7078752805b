using System.Runtime.CompilerServices;
using System.Text.Json;
using Cohort.Matching.Stable;

namespace Cohort.Cli.Matching;

/// <summary>Writes the <c>match stable</c> result as the contract describes, plus certificate and explanations.</summary>
internal static class StableResultWriter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(StableInput input, StableMatchingResult result, string[] explanations)
    {
        using var json = ResultJson.Open();
        var w = json.Writer;
        w.WriteStartArray("matches");
        for (int a = 0; a < result.MentorOf.Length; a++)
        {
            if (result.MentorOf[a] >= 0)
            {
                w.WriteStartObject();
                w.WriteString("applicant", input.ApplicantIds[a]);
                w.WriteString("mentor", input.MentorIds[result.MentorOf[a]]);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("unmatched");
        for (int a = 0; a < result.MentorOf.Length; a++)
        {
            if (result.MentorOf[a] < 0)
            {
                w.WriteStringValue(input.ApplicantIds[a]);
            }
        }

        w.WriteEndArray();
        w.WriteString("proposer", result.Proposer == Proposer.Applicants ? "applicants" : "mentors");
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

    private static void WriteCertificate(Utf8JsonWriter w, StableInput input, StabilityCertificate certificate)
    {
        w.WriteStartObject("certificate");
        w.WriteBoolean("onlyAcceptablePairs", certificate.OnlyAcceptablePairs);
        w.WriteBoolean("capacitiesRespected", certificate.CapacitiesRespected);
        w.WriteNumber("blockingPairCount", certificate.BlockingPairCount);
        w.WriteStartArray("blockingPairs");
        foreach (var (a, m) in certificate.BlockingPairs)
        {
            w.WriteStartObject();
            w.WriteString("applicant", input.ApplicantIds[a]);
            w.WriteString("mentor", input.MentorIds[m]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
