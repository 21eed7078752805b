using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics;

/// <summary>
/// The assessments section read from attempts with known answers: the same matrices as <c>ItemAnalysisTests</c>, worked by
/// hand there, now stored as answers, scored by <see cref="Attempt.Close"/> and read back through the database.
/// </summary>
public abstract class AssessmentsAnalyticsTests(CoreServicesFixture core)
{
    private static readonly DateTime Opens = new(2027, 1, 10, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// A stage 2 assessment with a 30-minute limit: three multiple-choice items worth a point and a free-text item
    /// reviewers score. Its five attempts answer as the rows of the hand-worked matrix (a wrong answer is sometimes
    /// a wrong choice, sometimes no answer) and take 4, 12, 12 and 29 minutes, or run out of time.
    /// </summary>
    private static readonly (bool[] Right, int? Minutes)[] StageTwo =
    [
        ([true, true, true], 4),
        ([true, true, false], 12),
        ([true, false, false], 12),
        ([false, true, false], 29),
        ([false, false, false], null),
    ];

    /// <summary>A follow-up of one stream: two items that the five attempts answer in opposite ways, as a wrong key would make them.</summary>
    private static readonly (bool[] Right, int? Minutes)[] FollowUp =
    [
        ([true, false], 10),
        ([true, false], 10),
        ([true, true], 10),
        ([false, true], 10),
        ([false, true], 10),
    ];

    private async Task<(string Title, int StreamId)> SeedAsync()
    {
        return await core.RunAsync<CohortDbContext, (string, int)>(async db =>
        {
            var stream = await db.Streams.Where(s => s.Track!.Season!.IsCurrent).OrderBy(s => s.Id).FirstAsync();
            var title = $"Probe quiz {Guid.NewGuid():N}"[..20];
            var applicants = new List<string>();
            for (var n = 0; n <= StageTwo.Length; n++)
            {
                applicants.Add(await AssessmentStageAttempts.AccountAsync(db, $"Quiz Taker {n}", $"quiz-{Guid.NewGuid():N}@example.net"));
            }

            await AssessmentWithAttemptsAsync(db, title, stream.TrackId, null, StageTwo, applicants, withFreeText: true);
            await AssessmentWithAttemptsAsync(db, $"{title} follow-up", stream.TrackId, stream.Id, FollowUp, applicants, withFreeText: false);
            return (title, stream.Id);
        });
    }

    private static async Task AssessmentWithAttemptsAsync(CohortDbContext db, string title, int trackId, int? streamId,
        (bool[] Right, int? Minutes)[] attempts, List<string> applicants, bool withFreeText)
    {
        var assessment = new Assessment
        {
            TrackId = trackId, StreamId = streamId, Slug = title.ToLowerInvariant().Replace(' ', '-'), Title = title,
            TimeLimitMinutes = 30, OpensAt = Opens, ClosesAt = Opens.AddDays(7),
        };
        for (var i = 0; i < attempts[0].Right.Length; i++)
        {
            assessment.Items.Add(new AssessmentItem { Position = i, Kind = ItemKind.MultipleChoice, Points = 1, Prompt = $"Pick {i}", ChoicesText = "Yes\nNo", AnswerKey = "Yes" });
        }

        if (withFreeText)
        {
            assessment.Items.Add(new AssessmentItem { Position = attempts[0].Right.Length, Kind = ItemKind.FreeText, Points = 5, Prompt = "Explain", RubricText = "Clarity" });
        }

        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        for (var n = 0; n < attempts.Length; n++)
        {
            var (right, minutes) = attempts[n];
            var started = Opens.AddHours(n);
            var attempt = new Attempt
            {
                AssessmentId = assessment.Id, ApplicantId = applicants[n], StartedAt = started, Deadline = assessment.DeadlineFor(started), UpdatedAt = started,
            };
            var choiceItems = assessment.Items.Where(i => i.Kind == ItemKind.MultipleChoice).ToList();
            for (var i = 0; i < right.Length; i++)
            {
                // Wrong answers alternate between the wrong choice and none at all: both score 0.
                if (right[i] || (n + i) % 2 == 0)
                {
                    attempt.Answers.Add(new AttemptAnswer { ItemId = choiceItems[i].Id, Value = right[i] ? "Yes" : "No", SavedAt = started });
                }
            }

            if (withFreeText)
            {
                attempt.Answers.Add(new AttemptAnswer { ItemId = assessment.Items.Last().Id, Value = "An answer a reviewer reads", SavedAt = started });
            }

            if (minutes is { } used)
            {
                attempt.SubmittedAt = started.AddMinutes(used);
                attempt.Close(started.AddMinutes(used), assessment.Items);
            }
            else
            {
                attempt.Close(attempt.Deadline, assessment.Items);
            }

            db.Attempts.Add(attempt);
        }

        // An attempt still open counts nowhere.
        db.Attempts.Add(new Attempt { AssessmentId = assessment.Id, ApplicantId = applicants[^1], StartedAt = Opens, Deadline = Opens.AddMinutes(30), UpdatedAt = Opens });
        await db.SaveChangesAsync();
    }

    private Task<AnalyticsSection> SectionAsync(int? streamId) =>
        core.RunAsync<CohortDbContext, AnalyticsSection>(async db =>
        {
            var season = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
            return await core.RunAsync<IEnumerable<IAnalyticsTopic>, AnalyticsSection>(topics =>
                topics.Single(t => t.Key == "assessments").BuildAsync(new AnalyticsScope(season, streamId, TimeZoneInfo.Utc), default));
        });

    private static Chart ChartOf(AnalyticsSection section, string key) => section.Charts.Single(c => c.Key == key);

    private static List<IReadOnlyList<object?>> RowsOf(Chart chart, string assessment) =>
        chart.Table.Rows.Where(r => Equals(r[0], assessment)).ToList();

    [Fact]
    public async Task Difficulty_discrimination_and_alpha_match_the_hand_worked_matrix()
    {
        var (title, _) = await SeedAsync();

        var section = await SectionAsync(null);

        // Difficulty: 3, 3 and 1 of the five closed attempts right (the open attempt and the free-text item are left out).
        var difficulty = RowsOf(ChartOf(section, "difficulty"), title);
        Assert.Equal([1, 2, 3], difficulty.Select(r => (int)r[1]!));
        Assert.All(difficulty, r => Assert.Equal(5, r[4]));
        Assert.Equal([0.6, 0.6, 0.2], difficulty.Select(r => (double)r[5]!));

        // Discrimination: items 1 and 2 at 0.6/√3.36 = 0.327, item 3 at 0.8/√2.24 = 0.535 (ItemAnalysisTests), none negative.
        var discrimination = RowsOf(ChartOf(section, "discrimination"), title);
        Assert.Equal([0.327, 0.327, 0.535], discrimination.Select(r => (double)r[3]!));
        Assert.All(discrimination, r => Assert.Equal(false, r[6]));

        // α = 15/26 = 0.577.
        Assert.Equal(0.577, (double)RowsOf(ChartOf(section, "reliability"), title).Single()[3]!);
    }

    [Fact]
    public async Task Items_that_the_rest_of_the_test_contradicts_are_flagged_in_the_figure_and_the_table()
    {
        var (title, _) = await SeedAsync();

        var chart = ChartOf(await SectionAsync(null), "discrimination");

        // Items (1,1,1,0,0) and (0,0,1,1,1): deviations (.4,.4,.4,−.6,−.6) and (−.6,−.6,.4,.4,.4), Σxy = −0.8, Σx² = Σy² = 1.2,
        // r = −0.8/1.2 = −0.667 for each, since each is the other's rest.
        var followUp = RowsOf(chart, $"{title} follow-up");
        Assert.Equal([-0.667, -0.667], followUp.Select(r => (double)r[3]!));
        Assert.All(followUp, r => Assert.Equal(true, r[6]));
        var figure = Assert.IsType<IntervalFigure>(chart.Figure);
        Assert.Equal([$"Item 1: {title} follow-up", $"Item 2: {title} follow-up"], figure.Estimates.Where(e => e.Flagged && e.Label.Contains(title, StringComparison.Ordinal)).Select(e => e.Label));
        Assert.Equal(0, figure.Reference);
    }

    [Fact]
    public async Task Time_taken_counts_handed_in_attempts_in_bins_under_the_limit_and_those_that_ran_out()
    {
        var (title, _) = await SeedAsync();

        var section = await SectionAsync(null);

        // A 30-minute limit is split in 5-minute bins: 4 minutes in the first, 12 and 12 in the third, 29 in the last.
        var chart = ChartOf(section, $"time-{title.ToLowerInvariant().Replace(' ', '-')}");
        Assert.Equal(
            [("0–5 min", 1), ("5–10 min", 0), ("10–15 min", 2), ("15–20 min", 0), ("20–25 min", 0), ("25–30 min", 1), ("time ran out", 1)],
            chart.Table.Rows.Select(r => ((string)r[0]!, (int)r[1]!)));
        var figure = Assert.IsType<BarFigure>(chart.Figure);
        Assert.Equal(chart.Table.Rows.Select(r => (double)(int)r[1]!), figure.Series.Single().Values);
        Assert.Contains("30 minutes", chart.Description, StringComparison.Ordinal);
        Assert.Null(chart.Empty);
    }

    [Fact]
    public async Task A_streams_scope_holds_only_that_streams_follow_ups()
    {
        var (title, streamId) = await SeedAsync();

        var section = await SectionAsync(streamId);

        var named = section.Charts.SelectMany(c => c.Table.Rows.Select(r => r[0])).OfType<string>().Where(n => n.StartsWith(title, StringComparison.Ordinal)).Distinct();
        Assert.Equal([$"{title} follow-up"], named);
        Assert.DoesNotContain(section.Charts, c => c.Title.Contains("Research taste", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_season_that_does_not_exist_gives_empty_charts_that_say_so()
    {
        var section = await core.RunAsync<IEnumerable<IAnalyticsTopic>, AnalyticsSection>(topics =>
            topics.Single(t => t.Key == "assessments").BuildAsync(new AnalyticsScope(int.MaxValue, null, TimeZoneInfo.Utc), default));

        Assert.Equal(["difficulty", "discrimination", "reliability"], section.Charts.Select(c => c.Key));
        Assert.All(section.Charts, c => Assert.Equal("No assessment in this season yet.", c.Empty));
        Assert.All(section.Charts, c => Assert.Empty(c.Table.Rows));
    }
}

public sealed class AssessmentsAnalyticsOnSqlite(SqliteCore core) : AssessmentsAnalyticsTests(core), IClassFixture<SqliteCore>;

public sealed class AssessmentsAnalyticsOnPostgres(PostgresCore core) : AssessmentsAnalyticsTests(core), IClassFixture<PostgresCore>;
