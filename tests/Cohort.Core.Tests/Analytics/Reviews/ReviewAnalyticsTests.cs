using System.Text.Json;
using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Pipeline;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics.Reviews;

/// <summary>The review quality section read from seeded rounds: its distributions, reliability, leniency, slope and missing reviews.</summary>
public abstract class ReviewAnalyticsTests(CoreServicesFixture core)
{
    private Task<AnalyticsSection> SectionAsync(int? streamId = null) =>
        core.RunAsync<CohortDbContext, AnalyticsSection>(async db =>
        {
            var season = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
            return await core.RunAsync<IEnumerable<IAnalyticsTopic>, AnalyticsSection>(topics => topics.Single(t => t.Key == "reviews").BuildAsync(new AnalyticsScope(season, streamId, TimeZoneInfo.Utc), CancellationToken.None));
        });

    /// <summary>An assignment of <paramref name="round"/>; when submitted, a review giving the round's one criterion (0–10) <paramref name="mark"/>, which is then also its overall score.</summary>
    private static async Task AssignAsync(CohortDbContext db, ReviewRound round, int subjectId, string reviewerId, int mark, AssignmentState state = AssignmentState.Submitted)
    {
        var criterion = await db.Set<RubricCriterion>().Where(c => c.RubricId == round.RubricId).Select(c => c.Id).SingleAsync();
        var now = DateTime.UtcNow;
        db.ReviewAssignments.Add(new ReviewAssignment
        {
            RoundId = round.Id, SubjectId = subjectId, ReviewerId = reviewerId, State = state, AssignedAt = now,
            Review = state != AssignmentState.Submitted ? null : new ReviewSubmission
            {
                Recommendation = Recommendation.Borderline, Overall = mark, SubmittedAt = now, UpdatedAt = now,
                Scores = { new CriterionScore { CriterionId = criterion, Value = mark } },
            },
        });
        await db.SaveChangesAsync();
    }

    private static Chart ChartOf(AnalyticsSection section, string key) => section.Charts.Single(c => c.Key == key);

    private static IReadOnlyList<object?> RowOf(Chart chart, string first) => chart.Table.Rows.Single(r => Equals(r[0], first));

    [Fact]
    public async Task A_stage_1_rounds_scores_agreement_leniency_ranks_and_missing_reviews_are_counted_from_its_reviews()
    {
        string[] names = ["Ines Quartermaine", "Tobias Elmhurst", "Wanjiru Castellan", "Pedro Falkenrath"];
        var subjects = new List<int>();
        foreach (var name in names)
        {
            subjects.Add(await core.AddAsync(ApplicationState.Submitted, name: name));
        }

        var (first, second, reviewers) = await core.RunAsync<CohortDbContext, (ReviewRound, ReviewRound, List<string>)>(async db =>
        {
            var reviewers = await SubmittedReviews.ReviewersAsync(db, 3);
            var first = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Closed, "Analytics first read");
            var second = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Open, "Analytics second read");
            (int Subject, int Reviewer, int Mark)[] reviews = [(0, 0, 8), (0, 1, 7), (1, 0, 4), (1, 1, 5), (2, 1, 6), (2, 2, 6), (3, 2, 2), (3, 0, 4)];
            foreach (var (subject, reviewer, mark) in reviews)
            {
                await AssignAsync(db, first, subjects[subject], reviewers[reviewer], mark);
            }

            await AssignAsync(db, second, subjects[0], reviewers[0], 0, AssignmentState.Assigned);
            await AssignAsync(db, second, subjects[1], reviewers[1], 0, AssignmentState.Assigned);
            await AssignAsync(db, second, subjects[2], reviewers[2], 7);
            await AssignAsync(db, second, subjects[3], reviewers[2], 0, AssignmentState.Declined);
            return (first, second, reviewers);
        });

        var section = await SectionAsync();

        // The first read's marks: 8, 7, 4, 5, 6, 6, 2, 4 on one criterion of 0–10.
        var scores = ChartOf(section, $"scores-round-{first.Id}");
        var bars = (BarFigure)scores.Figure;
        Assert.Equal(Enumerable.Range(0, 11).Select(p => p.ToString()), bars.Categories);
        Assert.Equal([0, 0, 1, 0, 2, 1, 2, 1, 1, 0, 0], bars.Series.Single().Values);
        Assert.Equal<object?>(["Overall", 4, 2, 25.0], scores.Table.Rows.Single(r => Equals(r[1], 4)));
        Assert.Single(((BarFigure)ChartOf(section, $"scores-round-{second.Id}").Figure).Series.Single().Values, v => v > 0);

        // Worked by hand for the first read, subjects {8, 7}, {4, 5}, {6, 6}, {2, 4}: n = 8 values of mean 5.25 with
        // SS = 25.5; within each subject of two, m·SS/(m − 1) = 2·SS gives 2·(0.5 + 0.5 + 0 + 2) = 6, so
        // α = 1 − (8 − 1)·6 / (8 · 25.5) = 1 − 42/204 = 0.794. Subject means 7.5, 4.5, 6, 3: BMS = 2·11.25/3 = 7.5,
        // WMS = 3/4 = 0.75, ICC(1,1) = 6.75/8.25 = 0.818, ICC(1,2) = 6.75/7.5 = 0.9.
        var reliability = ChartOf(section, "reliability");
        var firstRow = RowOf(reliability, first.Name);
        Assert.Equal((8, 4), ((int)firstRow[1]!, (int)firstRow[2]!));
        Assert.Equal(1 - 42.0 / 204, (double)firstRow[3]!, 10);
        Assert.Equal(6.75 / 8.25, (double)firstRow[4]!, 10);
        Assert.Equal(0.9, (double)firstRow[5]!, 10);
        Assert.Equal(2.0, (double)firstRow[6]!, 10);
        Assert.Equal<object?>([1, 0], RowOf(reliability, second.Name).Skip(1).Take(2));
        Assert.True(double.IsNaN((double)RowOf(reliability, second.Name)[3]!));
        var reliabilityBars = (BarFigure)reliability.Figure;
        Assert.DoesNotContain(second.Name, reliabilityBars.Categories);
        Assert.Equal(1 - 42.0 / 204, reliabilityBars.Series[0].Values[reliabilityBars.Categories.ToList().IndexOf(first.Name)], 10);

        // Leniency: the stage's calibration over both rounds' reviews (the score table's default), with ±1.96 SE.
        var fit = Calibration.Fit(await core.RunAsync<CohortDbContext, List<ReviewScore>>(async db =>
            (await db.ReviewAssignments.Where(a => a.Review != null && a.Round!.Stage == StageKind.General)
                .Select(a => new { a.SubjectId, a.ReviewerId, a.Review!.Overall }).ToListAsync())
            .Select(a => new ReviewScore(a.SubjectId, a.ReviewerId, a.Overall)).ToList()));
        var leniency = ChartOf(section, "leniency-general");
        var estimates = ((IntervalFigure)leniency.Figure).Estimates;
        Assert.Equal(3, estimates.Count);
        for (var r = 0; r < 3; r++)
        {
            var estimate = estimates.Single(e => e.Label == $"Scoring Reviewer {r}");
            var (value, error) = (fit.Leniency[reviewers[r]], fit.LeniencyStandardError[reviewers[r]]);
            Assert.Equal(value, estimate.Value, 10);
            Assert.Equal((value - 1.96 * error, value + 1.96 * error), (estimate.Low, estimate.High));
            Assert.Equal(estimate.Low > 0 || estimate.High < 0, estimate.Flagged);
            Assert.Equal(3, (int)RowOf(leniency, estimate.Label)[1]!);
        }

        Assert.Equal(estimates.OrderByDescending(e => e.Value).Select(e => e.Label), estimates.Select(e => e.Label));

        // Raw means 7.5, 4.5, 6.33 (the second read's 7 counts), 3: ranks 1, 3, 2, 4; the calibrated ranks are the fit's.
        var slopes = ((SlopeFigure)ChartOf(section, "slope-general").Figure).Slopes;
        Assert.Equal([1, 3, 2, 4], names.Select(n => slopes.Single(s => s.Label == n).From));
        var calibrated = subjects.Select(s => fit.Subjects[s].Calibrated).ToList();
        Assert.Equal(subjects.Select(s => 1 + calibrated.Count(c => c > fit.Subjects[s].Calibrated)), names.Select(n => slopes.Single(s => s.Label == n).To));
        Assert.Equal(slopes.OrderBy(s => s.To).Select(s => s.Label), slopes.Select(s => s.Label));

        // Missing: the open second read waits for reviewer 0's and reviewer 1's review; reviewer 2 submitted one and declined one.
        var missing = ChartOf(section, "missing");
        Assert.Null(missing.Empty);
        var missingBars = (BarFigure)missing.Figure;
        Assert.Equal(["Scoring Reviewer 0", "Scoring Reviewer 1"], missingBars.Categories.Order());
        Assert.Equal([1.0, 1.0], missingBars.Series.Single(s => s.Name == second.Name).Values);
        Assert.DoesNotContain(missing.Table.Rows, row => Equals(row[0], "Scoring Reviewer 2"));
        Assert.Equal<object?>(["Scoring Reviewer 0", second.Name, 1, 0, 0], RowOf(missing, "Scoring Reviewer 0"));
        Assert.All(section.Charts.Where(c => c.Key != "missing"), c => Assert.Null(c.Empty));
    }

    [Fact]
    public async Task With_a_stream_the_section_holds_only_that_streams_rounds_applicants_and_score_table()
    {
        var (mine, other, otherNames) = await core.RunAsync<CohortDbContext, (ReviewRound, ReviewRound, List<string>)>(async db =>
        {
            var streams = (await db.Streams.OrderBy(s => s.Id).ToListAsync()).Where((s, i) => i < 2).ToList();
            var reviewers = await SubmittedReviews.ReviewersAsync(db, 2);
            var rounds = new List<ReviewRound>();
            var otherNames = new List<string>();
            foreach (var stream in streams)
            {
                var round = await SubmittedReviews.RoundAsync(db, StageKind.Streams, ReviewRoundState.Open, $"Read of {stream.Name}", stream.Id);
                rounds.Add(round);
                for (var i = 0; i < 3; i++)
                {
                    var applicant = await ReviewPool.PersonAsync(db, $"stream-{stream.Id}-{i}-{Guid.NewGuid():N}@example.org");
                    await ReviewPool.ApplicationAsync(db, applicant);
                    var application = new StreamApplication { StreamId = stream.Id, ApplicantId = applicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
                    db.StreamApplications.Add(application);
                    await db.SaveChangesAsync();
                    await AssignAsync(db, round, application.Id, reviewers[0], 3 + i);
                    await AssignAsync(db, round, application.Id, reviewers[1], 4 + i);
                    if (stream != streams[0])
                    {
                        otherNames.Add(await db.Users.Where(u => u.Id == applicant).Select(u => u.DisplayName).SingleAsync());
                    }
                }
            }

            return (rounds[0], rounds[1], otherNames);
        });
        var otherStream = await core.RunAsync<CohortDbContext, string>(db => db.Streams.Where(s => s.Id == other.StreamId).Select(s => s.Name).SingleAsync());

        var section = await SectionAsync(mine.StreamId);

        var text = string.Join("\n", section.Notes.Concat(section.Charts.SelectMany(c =>
            new[] { c.Key, c.Title, c.Description, c.Empty ?? "", JsonSerializer.Serialize(c.Figure, c.Figure.GetType()) }
                .Concat(c.Table.Rows.SelectMany(r => r.Select(ChartCell.Format))))));
        Assert.Contains(mine.Name, text);
        Assert.DoesNotContain(other.Name, text);
        Assert.DoesNotContain(otherStream, text);
        Assert.All(otherNames, name => Assert.DoesNotContain(name, text));
        Assert.Contains(section.Charts, c => c.Key == $"scores-round-{mine.Id}");
        Assert.DoesNotContain(section.Charts, c => c.Key.EndsWith("-general", StringComparison.Ordinal));
        Assert.Equal(3, ((SlopeFigure)ChartOf(section, "slope-streams").Figure).Slopes.Count);
    }
}

public sealed class ReviewAnalyticsOnSqlite(SqliteCore core) : ReviewAnalyticsTests(core), IClassFixture<SqliteCore>;

public sealed class ReviewAnalyticsOnPostgres(PostgresCore core) : ReviewAnalyticsTests(core), IClassFixture<PostgresCore>;
