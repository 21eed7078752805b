using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Rankings;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Match;

/// <summary>
/// The match on a season's rankings, on an instance small enough to solve by hand: two streams of one seat, three
/// applicants. Deferred acceptance, applicants proposing: all three propose to the coalition, which keeps its first
/// choice (Second); First goes on to Internals, which takes them; Third, who applied to the coalition only, is left out.
/// </summary>
public abstract class RunMatchTests
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");
    private readonly CoreServicesFixture core;
    private readonly StageThreeApplicants applicants;

    protected RunMatchTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StageThreeApplicants(core);
        core.Clock.Now = StageThreeApplicants.StageThreeOpen;
    }

    [Fact]
    public async Task The_run_places_applicants_as_deferred_acceptance_does_by_hand_certifies_it_and_can_be_reproduced_from_its_inputs()
    {
        var first = await applicants.SubmittedToAsync(StageThreeApplicants.Coalition, StageThreeApplicants.Internals);
        var second = await applicants.SubmittedToAsync(StageThreeApplicants.Coalition, StageThreeApplicants.Internals);
        var third = await applicants.SubmittedToAsync(StageThreeApplicants.Coalition);
        var coalition = await applicants.StreamIdAsync(StageThreeApplicants.Coalition);
        var internals = await applicants.StreamIdAsync(StageThreeApplicants.Internals);
        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            foreach (var stream in await db.Streams.ToListAsync())
            {
                stream.Capacity = stream.Id == coalition || stream.Id == internals ? 1 : 0;
            }

            var application = await db.StreamApplications.ToDictionaryAsync(a => (a.ApplicantId, a.StreamId), a => a.Id);
            var mentorEmail = Cohort.Core.Seeding.DemoSeason.Accounts.Single(a => a.Role == Cohort.Core.Accounts.Roles.Mentor).Email;
            var mentor = await db.Users.Where(u => u.Email == mentorEmail).Select(u => u.Id).SingleAsync();
            void StreamRanks(int stream, params string[] order) => db.StreamRankingEntries.AddRange(order.Select((applicant, i) => new StreamRankingEntry
            {
                StreamId = stream, StreamApplicationId = application[(applicant, stream)], Position = i + 1, UpdatedById = mentor,
            }));
            void ApplicantRanks(string applicant, params int[] order) => db.ApplicantStreamRankings.AddRange(order.Select((stream, i) => new ApplicantStreamRanking
            {
                ApplicantId = applicant, StreamApplicationId = application[(applicant, stream)], Position = i + 1,
            }));
            StreamRanks(coalition, second, first, third);
            StreamRanks(internals, first, second);
            ApplicantRanks(first, coalition, internals);
            ApplicantRanks(second, coalition, internals);
            ApplicantRanks(third, coalition);
            return await db.SaveChangesAsync();
        });

        var run = await core.RunAsync<RunMatch, MatchRun?>(match => match.RunAsync(Admin, MatchProposer.Applicants));

        Assert.NotNull(run);
        var result = JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!;
        var placed = result.Placements.ToDictionary(p => p.ApplicantId, p => p.StreamId);
        Assert.Equal((coalition, internals, (int?)null), (placed[second], placed[first], placed[third]));
        Assert.True(run.Stable);
        Assert.True(result.Certificate.IsStable);
        Assert.Equal((2, 1), (run.Matched, run.Unmatched));
        Assert.Equal([1, 1], result.Fills.Where(f => f.StreamId == coalition || f.StreamId == internals).Select(f => f.Filled));
        var coalitionName = result.Fills.Single(f => f.StreamId == coalition).Name;
        Assert.Contains(coalitionName, result.Placements.Single(p => p.ApplicantId == third).Explanation, StringComparison.Ordinal);
        var again = RunMatch.Solve(JsonSerializer.Deserialize<MatchInput>(run.InputJson)!, run.Proposer);
        Assert.Equal(run.ResultJson, JsonSerializer.Serialize(again));
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.AuditEntries.AnyAsync(e => e.Action == "match.run")));
    }
}

public sealed class RunMatchOnSqlite(SqliteCore core) : RunMatchTests(core), IClassFixture<SqliteCore>;

public sealed class RunMatchOnPostgres(PostgresCore core) : RunMatchTests(core), IClassFixture<PostgresCore>;
