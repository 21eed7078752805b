using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Assessments;

/// <summary>Reviewers score free text, code and file answers: one review each per answer, the mean counts, totals for many attempts at once.</summary>
public abstract class ScoreAnswerTests(CoreServicesFixture core)
{
    private static readonly Dictionary<ItemKind, string> FullAnswers = new()
    {
        [ItemKind.MultipleChoice] = "Yes", [ItemKind.FreeText] = "The prompt length changes.", [ItemKind.Code] = "def train_probe(): ...", [ItemKind.File] = "https://example.org/nb",
    };

    private DateTime Now => core.Clock.GetUtcNow().UtcDateTime;

    private Task<T> DbAsync<T>(Func<CohortDbContext, Task<T>> work) => core.RunAsync(work);

    private Task<Assessment> AssessmentAsync() => DbAsync(db => AssessmentStageAttempts.AssessmentAsync(db, Now));

    private Task<Attempt> AttemptAsync(Assessment assessment, IReadOnlyDictionary<ItemKind, string> answers, bool handedIn = true) =>
        DbAsync(async db => await AssessmentStageAttempts.AttemptAsync(db, assessment,
            await AssessmentStageAttempts.AccountAsync(db, "Applicant", $"applicant-{Guid.NewGuid():N}@example.net"), answers, Now, handedIn));

    /// <summary>
    /// A reviewer of the current season's pool; outside it when <paramref name="inPool"/> is false (the role alone grants
    /// nothing). Applicants' addresses are at example.net: a reviewer there would conflict with all of them.
    /// </summary>
    private Task<Actor> ReviewerAsync(bool inPool = true, string domain = "reviewers.example.org", string organisation = "") => DbAsync(async db =>
    {
        var email = $"reviewer-{Guid.NewGuid():N}@{domain}";
        var id = await AssessmentStageAttempts.AccountAsync(db, "Reviewer", email);
        if (inPool)
        {
            await ReviewPool.ReviewerAsync(db, id, organisation);
        }

        return new Actor(id, email);
    });

    private Task<ScoreOutcome> ScoreAsync(Actor reviewer, int answerId, string points, string comment = "") =>
        core.RunAsync<ScoreAnswer, ScoreOutcome>(score => score.RunAsync(reviewer, answerId, points, comment));

    private Task<IReadOnlyDictionary<int, AttemptScore>> ScoresAsync(params Attempt[] attempts)
    {
        var ids = attempts.Select(a => a.Id).ToList();
        return DbAsync(db => AttemptScores.OfAsync(db, db.Attempts.Where(a => ids.Contains(a.Id))));
    }

    private Task<List<AnswerReview>> ReviewsAsync(int answerId) =>
        DbAsync(db => db.AnswerReviews.AsNoTracking().Where(r => r.AnswerId == answerId).ToListAsync());

    [Fact]
    public async Task A_score_is_stored_and_the_total_is_the_automatic_score_plus_the_mean_of_each_answers_reviews()
    {
        var assessment = await AssessmentAsync();
        var attempt = await AttemptAsync(assessment, FullAnswers);
        var (first, second) = (await ReviewerAsync(), await ReviewerAsync());
        int Answer(ItemKind kind) => AssessmentStageAttempts.AnswerId(attempt, assessment, kind);

        var scored = await ScoreAsync(first, Answer(ItemKind.FreeText), "3.5", "  Names the confound.  ");
        await ScoreAsync(second, Answer(ItemKind.FreeText), "4");
        await ScoreAsync(first, Answer(ItemKind.Code), "7");
        var partly = (await ScoresAsync(attempt))[attempt.Id];
        await ScoreAsync(second, Answer(ItemKind.File), "2.25");
        var full = (await ScoresAsync(attempt))[attempt.Id];

        Assert.Null(scored.Refusal);
        var stored = Assert.Single(await ReviewsAsync(Answer(ItemKind.Code)));
        Assert.Equal((first.UserId, 7.0), (stored.ReviewerId, stored.Points));
        Assert.Equal("Names the confound.", (await ReviewsAsync(Answer(ItemKind.FreeText))).Single(r => r.ReviewerId == first.UserId).Comment);
        var auto = attempt.AutoScore!.Value;
        Assert.True(auto > 0);
        Assert.Equal((auto, (3.5 + 4) / 2 + 7, 1, false), (partly.AutoScore!.Value, partly.ReviewedPoints, partly.AwaitingReview, partly.IsFullyReviewed));
        Assert.Equal(auto + (3.5 + 4) / 2 + 7, partly.Total!.Value, 9);
        Assert.Equal(auto + (3.5 + 4) / 2 + 7 + 2.25, full.Total!.Value, 9);
        Assert.True(full.IsFullyReviewed);
        Assert.Equal(4, await DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "answer.scored" && e.Subject == $"attempt:{attempt.Id}"
            && (e.ActorId == first.UserId || e.ActorId == second.UserId) && e.Details.Contains(assessment.Slug))));
    }

    [Fact]
    public async Task Scoring_again_changes_the_reviewers_own_review_and_leaves_the_others()
    {
        var assessment = await AssessmentAsync();
        var attempt = await AttemptAsync(assessment, FullAnswers);
        var (first, second) = (await ReviewerAsync(), await ReviewerAsync());
        var answer = AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText);
        await ScoreAsync(first, answer, "4", "first thought");
        await ScoreAsync(second, answer, "2");

        await ScoreAsync(first, answer, "1", "second thought");

        var reviews = await ReviewsAsync(answer);
        Assert.Equal(2, reviews.Count);
        Assert.Equal((1.0, "second thought"), reviews.Where(r => r.ReviewerId == first.UserId).Select(r => (r.Points, r.Comment)).Single());
        Assert.Equal(2.0, reviews.Single(r => r.ReviewerId == second.UserId).Points);
        Assert.Equal((1 + 2) / 2.0, (await ScoresAsync(attempt))[attempt.Id].ReviewedPoints, 9);
        Assert.Contains(await DbAsync(db => db.AuditEntries.Where(e => e.ActorId == first.UserId).Select(e => e.Details).ToListAsync()),
            d => d.Contains("1 of 5 (was 4)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("5.01")]
    [InlineData("6")]
    [InlineData("1.234")]
    [InlineData("1e1")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("2,5")]
    public async Task Points_outside_the_items_range_or_not_a_number_are_refused_and_nothing_changes(string points)
    {
        var assessment = await AssessmentAsync();
        var attempt = await AttemptAsync(assessment, FullAnswers);
        var reviewer = await ReviewerAsync();
        var answer = AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText);
        await ScoreAsync(reviewer, answer, "3", "kept");

        var refused = await ScoreAsync(reviewer, answer, points, "replaced?");

        Assert.Null(refused.Review);
        Assert.Contains("from 0 to 5", refused.Refusal, StringComparison.Ordinal);
        Assert.Equal((3.0, "kept"), (await ReviewsAsync(answer)).Select(r => (r.Points, r.Comment)).Single());
        Assert.Equal(1, await DbAsync(db => db.AuditEntries.CountAsync(e => e.ActorId == reviewer.UserId)));
    }

    [Fact]
    public async Task Automatically_scored_items_open_attempts_empty_answers_and_unknown_answers_are_refused()
    {
        var assessment = await AssessmentAsync();
        var closed = await AttemptAsync(assessment, new Dictionary<ItemKind, string>(FullAnswers) { [ItemKind.Code] = "" });
        var open = await AttemptAsync(assessment, FullAnswers, handedIn: false);
        var reviewer = await ReviewerAsync();

        var automatic = await ScoreAsync(reviewer, AssessmentStageAttempts.AnswerId(closed, assessment, ItemKind.MultipleChoice), "1");
        var running = await ScoreAsync(reviewer, AssessmentStageAttempts.AnswerId(open, assessment, ItemKind.FreeText), "1");
        var empty = await ScoreAsync(reviewer, AssessmentStageAttempts.AnswerId(closed, assessment, ItemKind.Code), "1");
        var unknown = await ScoreAsync(reviewer, int.MaxValue, "1");

        Assert.Contains("scored automatically", automatic.Refusal, StringComparison.Ordinal);
        Assert.Contains("still open", running.Refusal, StringComparison.Ordinal);
        Assert.Contains("empty", empty.Refusal, StringComparison.Ordinal);
        Assert.NotNull(unknown.Refusal);
        Assert.Equal(0, await DbAsync(db => db.AnswerReviews.CountAsync(r => r.ReviewerId == reviewer.UserId)));
        var scores = await ScoresAsync(closed, open);
        Assert.Equal(2, scores[closed.Id].AwaitingReview); // free text and file; the empty code answer needs no review
        Assert.Null(scores[open.Id].Total);
        Assert.False(scores[open.Id].IsFullyReviewed);
    }

    [Fact]
    public async Task Reviewers_outside_the_pool_or_in_conflict_and_answers_of_a_decided_stage_are_refused_and_nothing_is_stored()
    {
        var assessment = await AssessmentAsync();
        var organisation = $"Lab {Guid.NewGuid():N}";
        var domain = $"{Guid.NewGuid():N}.example.org";
        var (attempt, decided) = (await AttemptAsync(assessment, FullAnswers), await AttemptAsync(assessment, FullAnswers));
        var (outside, declared, sameOrganisation, sameDomain, fine) =
            (await ReviewerAsync(inPool: false), await ReviewerAsync(), await ReviewerAsync(organisation: organisation), await ReviewerAsync(domain: domain), await ReviewerAsync());
        await DbAsync(async db =>
        {
            await ReviewPool.DeclareAsync(db, await db.ReviewerProfiles.Where(p => p.UserId == declared.UserId).Select(p => p.Id).SingleAsync(), attempt.ApplicantId);
            await ReviewPool.ApplicationAsync(db, attempt.ApplicantId, organisation);
            await db.Users.Where(u => u.Id == attempt.ApplicantId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, $"applicant@{domain}"));
            var decidedId = await ReviewPool.ApplicationAsync(db, decided.ApplicantId);
            await GeneralApplications.PutAssessmentEntryAsync(db, decidedId, ApplicationState.Advanced);
            return decidedId;
        });
        int Answer(Attempt of) => AssessmentStageAttempts.AnswerId(of, assessment, ItemKind.FreeText);

        var refusals = new List<ScoreOutcome>();
        foreach (var reviewer in new[] { outside, declared, sameOrganisation, sameDomain })
        {
            refusals.Add(await ScoreAsync(reviewer, Answer(attempt), "3"));
        }

        refusals.Add(await ScoreAsync(fine, Answer(decided), "3"));
        var accepted = await ScoreAsync(fine, Answer(attempt), "3");

        Assert.All(refusals, refused => Assert.Contains("not in your review queue", refused.Refusal, StringComparison.Ordinal));
        Assert.Null(accepted.Refusal);
        Assert.Equal(new[] { fine.UserId }, (await ReviewsAsync(Answer(attempt))).Select(r => r.ReviewerId));
        Assert.Empty(await ReviewsAsync(Answer(decided)));
    }

    [Fact]
    public async Task An_answer_to_a_streams_follow_up_is_refused_since_the_streams_mentors_judge_it()
    {
        var assessment = await DbAsync(db => AssessmentStageAttempts.FollowUpAsync(db, Now, "model-internals"));
        var attempt = await AttemptAsync(assessment, FullAnswers);
        var answer = AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText);

        var outcome = await ScoreAsync(await ReviewerAsync(), answer, "3");

        Assert.Equal(ScoreAnswer.FollowUp, outcome.Refusal);
        Assert.Empty(await ReviewsAsync(answer));
    }

    [Fact]
    public async Task An_attempt_whose_time_ran_out_is_closed_and_can_then_be_scored()
    {
        var assessment = await AssessmentAsync();
        var attempt = await AttemptAsync(assessment, FullAnswers, handedIn: false);
        var reviewer = await ReviewerAsync();
        core.Clock.Now = core.Clock.GetUtcNow().AddHours(1);

        var scored = await ScoreAsync(reviewer, AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText), "5");

        Assert.Null(scored.Refusal);
        Assert.Equal(attempt.Deadline, await DbAsync(db => db.Attempts.Where(a => a.Id == attempt.Id).Select(a => a.ClosedAt).SingleAsync()));
    }

    [Fact]
    public async Task Scores_of_many_attempts_come_back_each_with_its_own_reviews()
    {
        var assessment = await AssessmentAsync();
        var reviewer = await ReviewerAsync();
        var attempts = new List<Attempt>();
        var given = new Dictionary<int, double>();
        for (var i = 0; i < 12; i++)
        {
            var answers = new Dictionary<ItemKind, string>(FullAnswers) { [ItemKind.MultipleChoice] = i % 2 == 0 ? "Yes" : "No" };
            var attempt = await AttemptAsync(assessment, answers);
            attempts.Add(attempt);
            if (i % 3 != 0)
            {
                given[attempt.Id] = i % 6;
                await ScoreAsync(reviewer, AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.Code), (i % 6).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var scores = await ScoresAsync([.. attempts]);

        Assert.Equal(attempts.Select(a => a.Id).Order(), scores.Keys.Order());
        foreach (var attempt in attempts)
        {
            var reviewed = given.GetValueOrDefault(attempt.Id);
            Assert.Equal(attempt.AutoScore!.Value + reviewed, scores[attempt.Id].Total!.Value, 9);
            Assert.Equal(given.ContainsKey(attempt.Id) ? 2 : 3, scores[attempt.Id].AwaitingReview);
        }
    }
}

public sealed class ScoreAnswerOnSqlite(SqliteCore core) : ScoreAnswerTests(core), IClassFixture<SqliteCore>;

public sealed class ScoreAnswerOnPostgres(PostgresCore core) : ScoreAnswerTests(core), IClassFixture<PostgresCore>;
