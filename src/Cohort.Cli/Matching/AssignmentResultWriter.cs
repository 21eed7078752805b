using System.Runtime.CompilerServices;
using Cohort.Matching.Assignment;

namespace Cohort.Cli.Matching;

/// <summary>Writes an assignment result: pairs, objective, certificate verdict and stats.</summary>
internal static class AssignmentResultWriter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(AssignmentFormat format, AssignmentInput input, AssignmentResult result, AssignmentReport report)
    {
        var problem = input.Problem;
        using var json = ResultJson.Open();
        var w = json.Writer;
        var matched = new bool[problem.Left.Count];
        w.WriteStartArray(format.ResultList);
        foreach (int i in result.ChosenPairs)
        {
            var pair = problem.Pairs[i];
            matched[pair.Left] = true;
            w.WriteStartObject();
            w.WriteString(format.LeftKey, input.LeftIds[pair.Left]);
            w.WriteString(format.RightKey, input.RightIds[pair.Right]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (format.ListUnmatched)
        {
            w.WriteStartArray("unmatched");
            for (int l = 0; l < matched.Length; l++)
            {
                if (!matched[l])
                {
                    w.WriteStringValue(input.LeftIds[l]);
                }
            }

            w.WriteEndArray();
        }

        w.WriteNumber("objective", result.Objective);
        w.WriteStartObject("certificate");
        w.WriteBoolean("onlyAllowedPairs", report.OnlyAllowedPairs);
        w.WriteBoolean("boundsRespected", report.BoundsRespected);
        w.WriteBoolean("optimalityProven", report.OptimalityProven);
        w.WriteNumber("scoreDecimals", result.Certificate!.Scale.Decimals);
        w.WriteEndObject();
        json.WriteStats(
            ("solveMs", result.SolveTime.TotalMilliseconds),
            ("pivots", result.Pivots),
            ("candidatePairs", problem.Candidates.Count),
            ("chosenPairs", result.ChosenPairs.Count));
    }
}
