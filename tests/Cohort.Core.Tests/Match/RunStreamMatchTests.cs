using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Match;

/// <summary>
/// The match on a season's rankings, on an instance small enough to solve by hand: two streams of one seat, three
/// applicants. Deferred acceptance, applicants proposing: all three propose to the coalition, which keeps its first
/// choice (Second); First goes on to Internals, which takes them; Third, who applied to the coalition only, is left out.
/// </summary>
public abstract class RunStreamMatchTests
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected RunStreamMatchTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    [Fact]
    public async Task The_run_places_applicants_as_deferred_acceptance_does_by_hand_certifies_it_and_can_be_reproduced_from_its_inputs()
    {
        var first = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var second = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var third = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var coalition = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var internals = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        await MatchScenario.RankAsync(core,
            [(coalition, [second, first, third]), (internals, [first, second])],
            [(first, [coalition, internals]), (second, [coalition, internals]), (third, [coalition])]);

        var run = await core.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Admin, MatchAlgorithm.CandidatesPropose));

        Assert.NotNull(run);
        var result = JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!;
        var placed = result.Placements.ToDictionary(p => p.CandidateId, p => p.HostId);
        Assert.Equal((coalition, internals, (int?)null), (placed[second], placed[first], placed[third]));
        Assert.True(run.Certified);
        Assert.True(result.Certificate.IsStable);
        Assert.Equal((2, 1), (run.Matched, run.Unmatched));
        Assert.Equal([1, 1], result.Fills.Where(f => f.HostId == coalition || f.HostId == internals).Select(f => f.Filled));
        var coalitionName = result.Fills.Single(f => f.HostId == coalition).Name;
        Assert.Contains(coalitionName, result.Placements.Single(p => p.CandidateId == third).Explanation, StringComparison.Ordinal);
        var again = MatchSolver.Solve(JsonSerializer.Deserialize<MatchInput>(run.InputJson)!, run.Algorithm, run.Kind);
        Assert.Equal(run.ResultJson, JsonSerializer.Serialize(again));
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.AuditEntries.AnyAsync(e => e.Action == "match.run")));
    }
}

public sealed class RunStreamMatchOnSqlite(SqliteCore core) : RunStreamMatchTests(core), IClassFixture<SqliteCore>;

public sealed class RunStreamMatchOnPostgres(PostgresCore core) : RunStreamMatchTests(core), IClassFixture<PostgresCore>;
