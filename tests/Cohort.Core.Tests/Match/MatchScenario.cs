using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Preferences;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Demo;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Match;

/// <summary>
/// Puts a match instance solved by hand in the database: one seat in each of the named streams and none elsewhere, each
/// stream's ranking of applicants and each applicant's ranking of streams, best first.
/// </summary>
internal static class MatchScenario
{
    public static readonly Actor Admin = new("admin-id", "admin@example.net");

    /// <summary>Runs the stable match with applicants proposing, checks its certificate, and gives each applicant's stream.</summary>
    public static async Task<Dictionary<string, int?>> RunAsync(CoreServicesFixture core)
    {
        var run = await core.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Admin, MatchAlgorithm.CandidatesPropose));
        Assert.True(run!.Certified);
        return JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!.Placements.ToDictionary(p => p.CandidateId, p => p.HostId);
    }

    /// <summary>Publishes the season's latest run with three days to answer; the refusal, or null.</summary>
    public static async Task<string?> PublishLatestAsync(CoreServicesFixture core)
    {
        var latest = await core.RunAsync<CohortDbContext, int>(db => db.MatchRuns.MaxAsync(r => r.Id));
        return await core.RunAsync<PublishStreamMatch, string?>(publish => publish.RunAsync(Admin, latest, core.Clock.GetUtcNow().UtcDateTime.AddDays(3), "https://cohort.test/portal"));
    }

    /// <summary>
    /// The instance solved by hand for the run optimal on scores (<see cref="ScoreMatchRunTests"/> works it): two one-seat
    /// streams, the coalition C and Internals I. P and Q applied to both and rank C then I; R applied to C only. C ranks
    /// P, Q, R and its round scored P 9 and Q 8; I ranks P, Q and scored P 9 and Q 1.
    /// </summary>
    public sealed record ScoredInstance(string P, string Q, string R, int C, int I);

    public static async Task<ScoredInstance> ScoredAsync(CoreServicesFixture core, StreamsStageApplicants applicants)
    {
        var p = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var q = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var r = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var c = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var i = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        await RankAsync(core, [(c, [p, q, r]), (i, [p, q])], [(p, [c, i]), (q, [c, i]), (r, [c])]);
        await ScoreAsync(core, c, (p, 9), (q, 8));
        await ScoreAsync(core, i, (p, 9), (q, 1));
        return new ScoredInstance(p, q, r, c, i);
    }

    /// <summary>A closed stage-3 round of <paramref name="streamId"/> in which one reviewer gave each applicant the score given.</summary>
    public static Task ScoreAsync(CoreServicesFixture core, int streamId, params (string Applicant, double Overall)[] scores) => core.RunAsync<CohortDbContext, int>(async db =>
    {
        var round = await SubmittedReviews.RoundAsync(db, StageKind.Streams, ReviewRoundState.Closed, $"Stream {streamId} read", streamId);
        var reviewer = (await SubmittedReviews.ReviewersAsync(db, 1)).Single();
        foreach (var (applicant, overall) in scores)
        {
            var application = await db.StreamApplications.Where(a => a.ApplicantId == applicant && a.StreamId == streamId).Select(a => a.Id).SingleAsync();
            await SubmittedReviews.ReviewAsync(db, round, application, reviewer, overall);
        }

        return round.Id;
    });

    public static Task RankAsync(CoreServicesFixture core, IReadOnlyList<(int Stream, string[] Applicants)> streamOrders, IReadOnlyList<(string Applicant, int[] Streams)> applicantOrders) =>
        core.RunAsync<CohortDbContext, int>(async db =>
        {
            var withSeat = streamOrders.Select(o => o.Stream).ToHashSet();
            foreach (var stream in await db.Streams.ToListAsync())
            {
                stream.Capacity = withSeat.Contains(stream.Id) ? 1 : 0;
            }

            var application = await db.StreamApplications.ToDictionaryAsync(a => (a.ApplicantId, a.StreamId), a => a.Id);
            var mentorEmail = DemoSeason.Accounts.Single(a => a.Role == Core.Accounts.Roles.Mentor).Email;
            var mentor = await db.Users.Where(u => u.Email == mentorEmail).Select(u => u.Id).SingleAsync();
            foreach (var (stream, order) in streamOrders)
            {
                db.StreamPreferences.AddRange(order.Select((applicant, i) => new StreamPreference
                {
                    StreamId = stream, StreamApplicationId = application[(applicant, stream)], Position = i + 1, UpdatedById = mentor,
                }));
            }

            foreach (var (applicant, order) in applicantOrders)
            {
                db.ApplicantStreamPreferences.AddRange(order.Select((stream, i) => new ApplicantStreamPreference
                {
                    ApplicantId = applicant, StreamApplicationId = application[(applicant, stream)], Position = i + 1,
                }));
            }

            return await db.SaveChangesAsync();
        });
}
