using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// Adds each stream's scores of its applicants to a match input, for the run optimal on scores: the same number the
/// stream's stage-3 score table shows (the composite when the stage has weights, the calibrated review score
/// otherwise), clamped to 0–10 so that no placement can lower the total.
/// </summary>
public sealed class MatchScores(CohortDbContext db, FindScoreTable scoreTable)
{
    public async Task<MatchInput> AddToAsync(MatchInput input, CancellationToken cancellation)
    {
        var streamIds = input.Hosts.Where(s => s.Capacity > 0).Select(s => s.HostId).ToList();
        var applicantOf = await StreamsStage.UnderConsideration(db).Where(a => streamIds.Contains(a.StreamId))
            .ToDictionaryAsync(a => a.Id, a => a.ApplicantId, cancellation);
        var streams = new List<MatchHost>(input.Hosts.Count);
        foreach (var stream in input.Hosts)
        {
            var scores = new Dictionary<string, double>();
            if (stream.Capacity > 0 && await scoreTable.RunAsync(StageKind.Streams, stream.HostId, null, cancellation) is { } table)
            {
                foreach (var row in table.Rows)
                {
                    if (row.TableScore(table.HasComposite) is { } score && applicantOf.TryGetValue(row.Row.Id, out var applicant))
                    {
                        scores[applicant] = Math.Clamp(score, 0, 10);
                    }
                }
            }

            streams.Add(stream with { Scores = scores });
        }

        return input with { Hosts = streams };
    }
}
