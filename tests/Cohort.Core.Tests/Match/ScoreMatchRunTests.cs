using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Match;

/// <summary>
/// "Optimal on scores" on a season's data: two one-seat streams whose closed stage-3 review rounds scored P and Q.
/// Both prefer the coalition, which ranks P first, so the stable match gives P the coalition and Q Internals. The
/// coalition scored them alike (9 and 8) while Internals scored P far above Q (9 and 1), so the best total places P at
/// Internals and Q at the coalition. R, whom no round scored, stays out though the coalition ranked them.
/// </summary>
public abstract class ScoreMatchRunTests
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected ScoreMatchRunTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    [Fact]
    public async Task The_run_reads_the_streams_review_scores_places_for_the_best_total_is_certified_and_can_be_published()
    {
        var (p, q, r, c, i) = await MatchScenario.ScoredAsync(core, applicants);

        var run = await core.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Admin, MatchAlgorithm.Scores));

        var result = JsonSerializer.Deserialize<MatchResult>(run!.ResultJson)!;
        var placed = result.Placements.ToDictionary(x => x.CandidateId);
        Assert.Equal((i, c, (int?)null), (placed[p].HostId!.Value, placed[q].HostId!.Value, placed[r].HostId));
        Assert.Contains("has not scored you", placed[r].Explanation, StringComparison.Ordinal);
        Assert.True(run.Certified);
        Assert.True(result.Certificate.OptimalityProven);
        Assert.Equal(1, result.Certificate.BlockingPairs);
        Assert.Equal(await TableScoreAsync(i, p) + await TableScoreAsync(c, q), result.Certificate.TotalScore!.Value, 2);
        Assert.Equal(MatchAlgorithm.Scores, run.Algorithm);
        Assert.Equal(run.ResultJson, JsonSerializer.Serialize(MatchSolver.Solve(JsonSerializer.Deserialize<MatchInput>(run.InputJson)!, run.Algorithm, run.Kind)));

        var refusal = await core.RunAsync<PublishStreamMatch, string?>(publish => publish.RunAsync(Admin, run.Id, core.Clock.GetUtcNow().UtcDateTime.AddDays(3), "https://cohort.test/portal"));

        Assert.Null(refusal);
        var offers = await core.RunAsync<CohortDbContext, List<(string, int)>>(async db =>
            (await db.Offers.Where(o => o.RunId == run.Id).Select(o => new { o.ApplicantId, o.StreamId }).ToListAsync()).Select(o => (o.ApplicantId, o.StreamId)).ToList());
        Assert.Equal(new[] { (p, i), (q, c) }.Order(), offers.Order());
    }

    /// <summary>The score the stream's score table shows for the applicant: what the match must have read.</summary>
    private async Task<double> TableScoreAsync(int streamId, string applicant)
    {
        var application = await core.RunAsync<CohortDbContext, int>(db => db.StreamApplications.Where(a => a.ApplicantId == applicant && a.StreamId == streamId).Select(a => a.Id).SingleAsync());
        var table = await core.RunAsync<FindScoreTable, ScoreTable?>(find => find.RunAsync(StageKind.Streams, streamId, null));
        return Math.Round(table!.Rows.Single(row => row.Row.Id == application).TableScore(table.HasComposite)!.Value, 2);
    }
}

public sealed class ScoreMatchRunOnSqlite(SqliteCore core) : ScoreMatchRunTests(core), IClassFixture<SqliteCore>;

public sealed class ScoreMatchRunOnPostgres(PostgresCore core) : ScoreMatchRunTests(core), IClassFixture<PostgresCore>;
