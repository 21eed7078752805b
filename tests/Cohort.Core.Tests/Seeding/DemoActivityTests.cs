using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Pipeline;
using Cohort.Core.Review;
using Cohort.Core.Seeding;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Seeding;

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

        var stageOne = await core.RunAsync<FindApplications, PipelineView?>(find => find.RunAsync(PipelineStage.General, new PipelineFilter()));
        var assignments = await core.RunAsync<CohortDbContext, List<ReviewAssignment>>(db => db.ReviewAssignments
            .Include(a => a.Review).ThenInclude(r => r!.Scores).Include(a => a.Round).ThenInclude(r => r!.Rubric).ThenInclude(r => r!.Criteria).ToListAsync());

        Assert.Equal(DemoActivity.ApplicantCount, stageOne!.Rows.Count);
        Assert.All(stageOne.Rows, row => Assert.True(row.IsEligible, row.ApplicantName));
        Assert.All(assignments.GroupBy(a => (a.RoundId, a.SubjectId)), reviews => Assert.Equal(2, reviews.Select(a => a.ReviewerId).Distinct().Count()));
        Assert.Equal(stageOne.Rows.Select(r => r.Id).Order(), assignments.Where(a => a.Round!.Stage == PipelineStage.General).Select(a => a.SubjectId).Distinct().Order());
        var streamApplications = await core.RunAsync<CohortDbContext, List<(int, int)>>(async db =>
            (await db.StreamApplications.Select(a => new { a.Id, a.StreamId }).ToListAsync()).Select(a => (a.Id, a.StreamId)).Order().ToList());
        Assert.Equal(streamApplications, assignments.Where(a => a.Round!.Stage == PipelineStage.Streams).Select(a => (a.SubjectId, a.Round!.StreamId!.Value)).Distinct().Order());
        Assert.All(assignments, a => Assert.All(a.Review!.Scores, score =>
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
            var season = await db.Seasons.SingleAsync(s => s.Slug == DemoSeason.SeasonSlug);
            var found = new List<string>();
            foreach (var group in await db.StreamApplications.GroupBy(a => a.ApplicantId).Select(g => new { g.Key, Streams = g.Select(a => a.StreamId).ToList() }).ToListAsync())
            {
                if (!await StageThree.IsInvitedAsync(db, group.Key, season.Id, default))
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
    [InlineData(MatchAlgorithm.Applicants)]
    [InlineData(MatchAlgorithm.Scores)]
    public async Task The_demo_rankings_and_stream_reviews_give_a_certified_match_that_places_some_applicants_and_not_all(MatchAlgorithm algorithm)
    {
        await SeedOnceAsync();

        var run = await core.RunAsync<RunMatch, MatchRun?>(match => match.RunAsync(Actor.System, algorithm));

        Assert.NotNull(run);
        Assert.True(run.Certified);
        Assert.True(run.Matched > 0, "nobody was matched");
        Assert.True(run.Unmatched > 0, "everyone was matched, so the demo shows no explanation of an unmatched applicant");
    }
}

public sealed class DemoActivityOnSqlite(SqliteCore core) : DemoActivityTests(core), IClassFixture<SqliteCore>;

public sealed class DemoActivityOnPostgres(PostgresCore core) : DemoActivityTests(core), IClassFixture<PostgresCore>;
