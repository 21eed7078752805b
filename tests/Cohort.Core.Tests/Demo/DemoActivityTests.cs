using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Pipeline;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Demo;

/// <summary>The demo season's activity is consistent with the rules the app enforces, so the demo never shows what the app could not produce.</summary>
public abstract class DemoActivityTests(CoreServicesFixture core)
{
    private async Task SeedOnceAsync() => await core.RunAsync<DemoActivity, bool>(activity => activity.SeedAsync());

    [Fact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        await SeedOnceAsync();
        var applications = await core.RunAsync<CohortDbContext, int>(db => db.Applications.CountAsync());

        var again = await core.RunAsync<DemoActivity, bool>(activity => activity.SeedAsync());

        Assert.False(again);
        Assert.Equal(applications, await core.RunAsync<CohortDbContext, int>(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Every_applicant_is_eligible_and_every_application_is_read_by_two_different_reviewers_with_scores_inside_the_rubric()
    {
        await SeedOnceAsync();

        var generalStage = await core.RunAsync<FindApplications, PipelineView?>(find => find.RunAsync(StageKind.General, new PipelineFilter()));
        var assignments = await core.RunAsync<CohortDbContext, List<ReviewAssignment>>(db => db.ReviewAssignments
            .Include(a => a.Review).ThenInclude(r => r!.Scores).Include(a => a.Round).ThenInclude(r => r!.Rubric).ThenInclude(r => r!.Criteria).ToListAsync());

        Assert.Equal(DemoActivity.ApplicantCount, generalStage!.Rows.Count);
        Assert.All(generalStage.Rows, row => Assert.True(row.IsEligible, row.ApplicantName));
        Assert.All(assignments.GroupBy(a => (a.RoundId, a.SubjectId)), reviews => Assert.Equal(2, reviews.Select(a => a.ReviewerId).Distinct().Count()));
        Assert.Equal(generalStage.Rows.Select(r => r.Id).Order(), assignments.Where(a => a.Round!.Stage == StageKind.General).Select(a => a.SubjectId).Distinct().Order());
        var streamApplications = await core.RunAsync<CohortDbContext, List<(int, int)>>(async db =>
            (await db.StreamApplications.Where(a => a.Stream!.Track!.Season!.IsCurrent).Select(a => new { a.Id, a.StreamId }).ToListAsync()).Select(a => (a.Id, a.StreamId)).Order().ToList());
        Assert.Equal(streamApplications, assignments.Where(a => a.Round!.Stage == StageKind.Streams).Select(a => (a.SubjectId, a.Round!.StreamId!.Value)).Distinct().Order());
        Assert.All(assignments.Where(a => a.Review is not null), a => Assert.All(a.Review!.Scores, score =>
        {
            var criterion = a.Round!.Rubric!.Criteria.Single(c => c.Id == score.CriterionId);
            Assert.InRange(score.Value, criterion.ScaleMin, criterion.ScaleMax);
        }));
    }

    [Fact]
    public async Task Only_applicants_advanced_at_both_stages_hold_stream_applications_and_each_answered_what_its_streams_require()
    {
        await SeedOnceAsync();

        var problems = await core.RunAsync<CohortDbContext, List<string>>(async db =>
        {
            var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
            var found = new List<string>();
            foreach (var group in await db.StreamApplications.Where(a => a.Stream!.Track!.SeasonId == season.Id).GroupBy(a => a.ApplicantId).Select(g => new { g.Key, Streams = g.Select(a => a.StreamId).ToList() }).ToListAsync())
            {
                if (!await StreamsStage.IsInvitedAsync(db, group.Key, season.Id, default))
                {
                    found.Add($"{group.Key} applied to streams without being invited");
                }

                var answers = await db.StreamAnswers.Where(a => a.ApplicantId == group.Key).ToDictionaryAsync(a => a.QuestionId, a => a.Value);
                found.AddRange((await StreamQuestions.AskedByAsync(db, group.Streams, default))
                    .SelectMany(q => AnswerRules.Check(q, answers.GetValueOrDefault(q.Id), submitting: true))
                    .Select(p => $"{group.Key}: {p.QuestionKey} {p.Message}"));
            }

            return found;
        });

        Assert.Empty(problems);
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.StreamApplications.AnyAsync()));
    }

    [Theory]
    [InlineData(MatchAlgorithm.CandidatesPropose)]
    [InlineData(MatchAlgorithm.Scores)]
    public async Task The_demo_rankings_and_stream_reviews_give_a_certified_match_that_places_some_applicants_and_not_all(MatchAlgorithm algorithm)
    {
        await SeedOnceAsync();

        var run = await core.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Actor.System, algorithm));

        Assert.NotNull(run);
        Assert.True(run.Certified);
        Assert.True(run.Matched > 0, "nobody was matched");
        Assert.True(run.Unmatched > 0, "everyone was matched, so the demo shows no explanation of an unmatched applicant");
    }

    [Fact]
    public async Task Everything_the_seeded_applicants_did_happened_before_the_seeding_day_and_inside_the_window_it_belongs_to()
    {
        await SeedOnceAsync();
        var day = CoreServicesFixture.Demo.At(0);

        var problems = await core.RunAsync<CohortDbContext, List<string>>(async db =>
        {
            var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
            var stages = await db.Stages.Where(s => db.Tracks.Any(t => t.Id == s.TrackId && t.SeasonId == season.Id)).OrderBy(s => s.Position).ToListAsync();
            var found = new List<string>();
            void Check(string what, DateTime at, int stage)
            {
                if (at >= day || at < stages[stage].OpensAt || at > stages[stage].ClosesAt)
                {
                    found.Add($"{what} at {at:u} is not before {day:u} inside stage {stage + 1} ({stages[stage].OpensAt:u} to {stages[stage].ClosesAt:u})");
                }
            }

            foreach (var application in await db.Applications.Where(a => a.Form!.SeasonId == season.Id).ToListAsync())
            {
                Check("application created", application.CreatedAt, 0);
                Check("application submitted", application.SubmittedAt!.Value, 0);
            }

            foreach (var attempt in await db.Attempts.ToListAsync())
            {
                Check("attempt started", attempt.StartedAt, 1);
                Check("attempt submitted", attempt.SubmittedAt!.Value, 1);
            }

            foreach (var application in await db.StreamApplications.Where(a => a.Stream!.Track!.SeasonId == season.Id).ToListAsync())
            {
                Check("stream application created", application.CreatedAt, 2);
                Check("stream application submitted", application.SubmittedAt!.Value, 2);
            }

            found.AddRange((await db.ReviewAssignments.Where(a => a.Round!.SeasonId == season.Id && a.Review != null).Select(a => a.Review!.SubmittedAt).ToListAsync())
                .Where(at => at >= day).Select(at => $"a review submitted at {at:u}, after the seeding day"));
            return found;
        });

        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_streams_stage_applicant_signs_in_with_a_password_and_the_demo_match_places_them_in_their_first_choice()
    {
        await SeedOnceAsync();
        var account = DemoActivity.StreamsStageApplicant;

        var run = await core.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Actor.System, MatchAlgorithm.CandidatesPropose));
        var (userId, firstChoice, streams) = await core.RunAsync<CohortDbContext, (string, int, int)>(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.NormalizedEmail == account.Email.ToUpperInvariant());
            var first = await db.ApplicantStreamPreferences.Where(r => r.ApplicantId == user.Id && r.Position == 1)
                .Join(db.StreamApplications, r => r.StreamApplicationId, a => a.Id, (r, a) => a.StreamId).SingleAsync();
            return (user.Id, first, await db.StreamApplications.CountAsync(a => a.ApplicantId == user.Id));
        });
        var placement = System.Text.Json.JsonSerializer.Deserialize<MatchResult>(run!.ResultJson)!.Placements.Single(p => p.CandidateId == userId);

        Assert.True(await core.RunAsync<Microsoft.AspNetCore.Identity.UserManager<Cohort.Core.Accounts.CohortUser>, bool>(async users =>
            await users.CheckPasswordAsync((await users.FindByEmailAsync(account.Email))!, account.Password)));
        Assert.Equal(3, streams);
        Assert.Equal(firstChoice, placement.HostId);
    }

    [Fact]
    public async Task Last_years_season_is_not_current_and_its_published_match_has_fellows_who_accepted_their_offers()
    {
        await SeedOnceAsync();

        var (current, past) = await core.RunAsync<CohortDbContext, (string, string)>(async db =>
            ((await db.Seasons.SingleAsync(s => s.IsCurrent)).Slug, (await db.Seasons.SingleAsync(s => !s.IsCurrent)).Slug));
        var offers = await core.RunAsync<CohortDbContext, List<Offer>>(db => db.Offers.Where(o => db.Seasons.Any(s => s.Id == o.SeasonId && !s.IsCurrent)).ToListAsync());
        var runs = await core.RunAsync<CohortDbContext, List<MatchRun>>(db => db.MatchRuns.Where(r => db.Seasons.Any(s => s.Id == r.SeasonId && !s.IsCurrent)).ToListAsync());

        Assert.Equal(CoreServicesFixture.Demo.SeasonSlug, current);
        Assert.Equal(CoreServicesFixture.Demo.YearBefore.SeasonSlug, past);
        Assert.True(runs.Single().Certified);
        Assert.NotNull(runs.Single().PublishedAt);
        Assert.True(runs.Single().PublishedAt < CoreServicesFixture.Demo.At(0).AddDays(-300), "last year's match was published a year ago");
        Assert.True(offers.Count >= DemoPastSeason.ApplicantCount / 2, $"only {offers.Count} fellows");
        Assert.All(offers, offer => Assert.Equal(OfferState.Accepted, offer.State));
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.CreatedAt < CoreServicesFixture.Demo.At(-300))),
            "last year's offer mail is still waiting to be sent");
    }

    [Fact]
    public async Task The_reviewer_solver_assigns_every_application_of_a_new_stage_1_round_on_the_demo()
    {
        await SeedOnceAsync();
        var rubric = await core.RunAsync<CohortDbContext, int>(db => db.Rubrics.Where(r => db.Seasons.Any(s => s.Id == r.SeasonId && s.IsCurrent)).Select(r => r.Id).FirstAsync());
        var created = await core.RunAsync<CreateReviewRound, CreateRoundOutcome>(create =>
            create.RunAsync(Actor.System, new ReviewRoundRequest("Second read", StageKind.General, null, rubric, 2, CoreServicesFixture.Demo.At(7))));

        var outcome = await core.RunAsync<AssignReviewers, AssignOutcome>(assign => assign.RunAsync(Actor.System, created.Round!.Id));
        var perApplication = await core.RunAsync<CohortDbContext, List<int>>(db =>
            db.ReviewAssignments.Where(a => a.RoundId == created.Round!.Id).GroupBy(a => a.SubjectId).Select(g => g.Count()).ToListAsync());
        // The other tests share this database and read the closed rounds the demo seeded, not this draft.
        await core.RunAsync<CohortDbContext, int>(db => db.ReviewRounds.Where(r => r.Id == created.Round!.Id).ExecuteDeleteAsync());

        Assert.Empty(created.Problems);
        Assert.Null(outcome.Refusal);
        Assert.True(outcome.Assigned > 0);
        Assert.Equal(outcome.Assigned, perApplication.Sum());
        Assert.All(perApplication, count => Assert.Equal(2, count));
    }

    [Fact]
    public async Task The_demo_reviewer_bid_on_the_open_round_while_it_was_a_draft_eager_only_where_they_were_assigned()
    {
        await SeedOnceAsync();

        var (round, bids, theirs) = await core.RunAsync<CohortDbContext, (ReviewRound, List<Bid>, List<int>)>(async db =>
        {
            var reviewerId = await db.Users.Where(u => u.Email == DemoSeason.Reviewer.Email).Select(u => u.Id).SingleAsync();
            var open = await db.ReviewRounds.AsNoTracking().SingleAsync(r => r.State == ReviewRoundState.Open && db.Seasons.Any(s => s.Id == r.SeasonId && s.IsCurrent));
            return (open, await db.Bids.AsNoTracking().Where(b => b.RoundId == open.Id && b.ReviewerId == reviewerId).ToListAsync(),
                await db.ReviewAssignments.Where(a => a.RoundId == open.Id && a.ReviewerId == reviewerId).Select(a => a.SubjectId).ToListAsync());
        });

        Assert.Equal([BidLevel.Eager, BidLevel.Eager, BidLevel.NotWilling], bids.Select(b => b.Level).Order());
        Assert.All(bids, b => Assert.Equal(round.CreatedAt, b.UpdatedAt)); // made while the round was a draft, as it was set up
        Assert.All(bids, b => Assert.Equal(b.Level == BidLevel.Eager, theirs.Contains(b.SubjectId)));
    }
}

public sealed class DemoActivityOnSqlite(SqliteCore core) : DemoActivityTests(core), IClassFixture<SqliteCore>;

public sealed class DemoActivityOnPostgres(PostgresCore core) : DemoActivityTests(core), IClassFixture<PostgresCore>;
