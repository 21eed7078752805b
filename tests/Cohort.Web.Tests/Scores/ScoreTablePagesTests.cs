using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Scores;

/// <summary>The score table pages through HTTP: order, cutoff, bulk decisions, export, weights, rounds, and who may see them.</summary>
public abstract class ScoreTablePagesTests(CohortApp app)
{
    /// <summary>A round of the stage in which each subject got two reviews, from the same two reviewers, with these scores.</summary>
    private sealed record Seeded(int RoundId, int[] Subjects, CalibrationResult Fit);

    private async Task<Seeded> SeedAsync(StageKind stage, (string Name, double First, double Second)[] subjects)
    {
        var ids = new List<int>();
        foreach (var (name, _, _) in subjects)
        {
            var applicant = await app.AddApplicantAsync(stage == StageKind.General ? ApplicationState.Submitted : ApplicationState.Advanced, name: name);
            ids.Add(applicant.ApplicationId);
        }

        return await app.WithDbAsync(async db =>
        {
            if (stage == StageKind.Assessment)
            {
                foreach (var id in ids)
                {
                    await GeneralApplications.PutAssessmentEntryAsync(db, id, ApplicationState.Submitted);
                }
            }

            var reviewers = await SubmittedReviews.ReviewersAsync(db, 2);
            var round = await SubmittedReviews.RoundAsync(db, stage, ReviewRoundState.Open, $"Round {Guid.NewGuid():N}"[..14]);
            var reviews = new List<ReviewScore>();
            foreach (var (id, (_, first, second)) in ids.Zip(subjects))
            {
                reviews.Add(new(id, reviewers[0], first));
                reviews.Add(new(id, reviewers[1], second));
            }

            foreach (var review in reviews)
            {
                await SubmittedReviews.ReviewAsync(db, round, review.Subject, review.Reviewer, review.Score);
            }

            return new Seeded(round.Id, [.. ids], Calibration.Fit(reviews));
        });
    }

    private static (string, double, double)[] FourApplicants(string prefix = "Scored") =>
        [($"{prefix} Strong", 9, 8), ($"{prefix} Weak", 3, 4), ($"{prefix} Good", 6, 7), ($"{prefix} Middling", 5, 5)];

    private static List<int> Order(Browser.Page table, IEnumerable<int> ids) =>
        table.All("#decide input[name=ids]").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).Where(ids.Contains).ToList();

    private static List<int> Ticked(Browser.Page table) =>
        table.All("#decide input[name=ids]").Where(i => i.HasAttribute("checked")).Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();

    private static AngleSharp.Dom.IElement Row(Browser.Page table, int id) => table.One($"#decide tr:has(input[name=ids][value='{id}'])")!;

    private static bool Refused(Browser.Page page) =>
        page.Status == 403 || (page.Status == 302 && page.Response.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal));

    [Fact]
    public async Task The_table_is_ordered_by_calibrated_score_and_sorts_by_the_column_the_address_asks_for()
    {
        var seeded = await SeedAsync(StageKind.General, FourApplicants());
        var expected = seeded.Subjects.OrderByDescending(s => seeded.Fit.Subjects[s].Calibrated).ToList();
        using var admin = await app.AsAsync(Roles.Admin);

        var table = await admin.GetAsync($"/admin/scores/general?round={seeded.RoundId}");
        var byRawAscending = await admin.GetAsync($"/admin/scores/general?round={seeded.RoundId}&sort=raw&dir=asc");

        Assert.Equal(expected, Order(table, seeded.Subjects));
        Assert.Equal(seeded.Subjects.OrderBy(s => seeded.Fit.Subjects[s].RawMean).ToList(), Order(byRawAscending, seeded.Subjects));
        var strong = seeded.Fit.Subjects[seeded.Subjects[0]];
        var row = Row(table, seeded.Subjects[0]);
        Assert.Equal($"{strong.Calibrated:0.00}", row.QuerySelector(".calibrated")!.TextContent);
        Assert.Equal("2", row.QuerySelector(".reviews")!.TextContent);
        Assert.Empty(Ticked(table));
    }

    [Fact]
    public async Task The_page_shows_the_fitted_spreads_and_warns_when_the_reviews_fall_into_groups_that_share_no_reviewer()
    {
        var ids = new List<int>();
        foreach (var name in new[] { "Grouped Ada", "Grouped Bo", "Grouped Cy", "Grouped Di" })
        {
            ids.Add((await app.AddApplicantAsync(ApplicationState.Submitted, name: name)).ApplicationId);
        }

        var roundId = await app.WithDbAsync(async db =>
        {
            var reviewers = await SubmittedReviews.ReviewersAsync(db, 4);
            var round = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Open, $"Split {Guid.NewGuid():N}"[..14]);
            // Reviewers 0 and 1 read the first two, 2 and 3 the last two: nothing links the pairs.
            foreach (var (id, index) in ids.Select((id, i) => (id, i)))
            {
                await SubmittedReviews.ReviewAsync(db, round, id, reviewers[index < 2 ? 0 : 2], 4 + index);
                await SubmittedReviews.ReviewAsync(db, round, id, reviewers[index < 2 ? 1 : 3], 5 + index);
            }

            return round.Id;
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync($"/admin/scores/general?round={roundId}");

        Assert.Contains("2 groups that share no reviewer", page.One(".calibration-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.All("#components tbody tr").Count);
        Assert.Matches(@"^\d+\.\d\d$", page.One("#reviewer-spread")!.TextContent);
    }

    [Fact]
    public async Task Applications_with_research_areas_show_each_topics_effect_and_the_share_of_reviews_across_topics()
    {
        var ids = new List<int>();
        foreach (var name in new[] { "Topical Ada", "Topical Bo", "Topical Cy", "Topical Di" })
        {
            ids.Add((await app.AddApplicantAsync(ApplicationState.Submitted, name: name)).ApplicationId);
        }

        var roundId = await app.WithDbAsync(async db =>
        {
            var area = await db.Set<Question>().SingleAsync(q => q.DefinesTopic);
            foreach (var (id, index) in ids.Select((id, i) => (id, i)))
            {
                db.Set<Answer>().Add(new Answer { ApplicationId = id, QuestionId = area.Id, Value = index < 2 ? "AI control" : "Interpretability" });
            }

            await db.SaveChangesAsync();
            var reviewers = await SubmittedReviews.ReviewersAsync(db, 2);
            var round = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Open, $"Topics {Guid.NewGuid():N}"[..14]);
            foreach (var (id, index) in ids.Select((id, i) => (id, i)))
            {
                await SubmittedReviews.ReviewAsync(db, round, id, reviewers[0], 3 + index);
                await SubmittedReviews.ReviewAsync(db, round, id, reviewers[1], 4 + index);
            }

            return round.Id;
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var page = await admin.GetAsync($"/admin/scores/general?round={roundId}");

        var topics = page.All("#topics tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(["AI control", "Interpretability"], topics);
        // Both reviewers read both topics, each with two reviews in each: half of all reviews are outside a main topic.
        Assert.Equal("50%", page.One("#bridging-share")!.TextContent);
        Assert.Contains("±", page.One("#topics tbody tr td[data-label='Effect ± SE']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standard_error_every_row_shares_is_said_once_with_why_and_differing_ones_are_shown_on_each_row()
    {
        var seeded = await SeedAsync(StageKind.General, FourApplicants("Spread"));
        using var admin = await app.AsAsync(Roles.Admin);
        var url = $"/admin/scores/general?round={seeded.RoundId}";

        var same = await admin.GetAsync(url);

        var error = seeded.Fit.Subjects[seeded.Subjects[0]].StandardError;
        Assert.Contains($"± {error:0.00} for every applicant here", same.One("#shared-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("±", Row(same, seeded.Subjects[0]).QuerySelector(".calibrated")!.TextContent, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var third = (await SubmittedReviews.ReviewersAsync(db, 3))[2];
            await SubmittedReviews.ReviewAsync(db, await db.ReviewRounds.SingleAsync(r => r.Id == seeded.RoundId), seeded.Subjects[0], third, 8);
            return 0;
        });
        var varied = await admin.GetAsync(url);

        Assert.Null(varied.One("#shared-error"));
        var errors = seeded.Subjects.Select(id => Row(varied, id).QuerySelector(".calibrated")!.TextContent.Split(" ± ")[1]).Distinct().ToList();
        Assert.True(errors.Count > 1, string.Join(", ", errors));
    }

    [Fact]
    public async Task A_cutoff_ticks_the_rows_above_its_line_and_a_bulk_decision_changes_exactly_the_ticked_rows()
    {
        var seeded = await SeedAsync(StageKind.General, FourApplicants("Cut"));
        var expected = seeded.Subjects.OrderByDescending(s => seeded.Fit.Subjects[s].Calibrated).ToList();
        var between = (seeded.Fit.Subjects[expected[1]].Calibrated + seeded.Fit.Subjects[expected[2]].Calibrated) / 2;
        using var admin = await app.AsAsync(Roles.Admin);

        var top = await admin.GetAsync($"/admin/scores/general?round={seeded.RoundId}&top=2");
        var byScore = await admin.GetAsync($"/admin/scores/general?round={seeded.RoundId}&cutoff={between.ToString(CultureInfo.InvariantCulture)}");

        Assert.Equal(expected.Take(2).Order(), Ticked(top).Order());
        Assert.Equal(expected.Take(2).Order(), Ticked(byScore).Order());
        var line = top.One("#cutoff-line")!;
        Assert.Equal(Row(top, expected[2]), line.NextElementSibling);
        Assert.Equal(Row(top, expected[1]), line.PreviousElementSibling);

        var after = await admin.SubmitAsync(top, "#decide", new Dictionary<string, string> { ["decision"] = "Advance" });

        Assert.Contains("2 applications advanced.", after.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"top=2", after.Url, StringComparison.Ordinal);
        var states = await app.WithDbAsync(db => db.Applications.Where(a => seeded.Subjects.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.State));
        Assert.Equal(expected.Select((s, i) => (s, i < 2 ? ApplicationState.Advanced : ApplicationState.Submitted)).OrderBy(x => x.s),
            states.Select(x => (x.Key, x.Value)).OrderBy(x => x.Key));
    }

    [Fact]
    public async Task The_csv_export_lists_the_score_table_in_order_and_neutralises_cells_a_spreadsheet_would_run()
    {
        const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        var seeded = await SeedAsync(StageKind.General, [(Formula, 9, 9), ("Export Second", 5, 6), ("Export Third", 2, 1)]);
        using var admin = await app.AsAsync(Roles.Admin);

        using var response = await admin.Client.GetAsync($"/admin/scores/general?round={seeded.RoundId}&handler=Csv");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var rows = new List<(int Id, string Applicant, string Calibrated)>();
        using (var csv = CsvReader.FromText(text))
        {
            while (csv.Read())
            {
                rows.Add((int.Parse(csv.GetString("id"), CultureInfo.InvariantCulture), csv.GetString("applicant"), csv.GetString("calibrated")));
            }
        }

        var mine = rows.Where(r => seeded.Subjects.Contains(r.Id)).ToList();
        Assert.Equal(seeded.Subjects.OrderByDescending(s => seeded.Fit.Subjects[s].Calibrated), mine.Select(r => r.Id));
        Assert.Equal("'" + Formula, mine[0].Applicant);
        Assert.Equal(seeded.Fit.Subjects[seeded.Subjects[1]].Calibrated.ToString("0.###", CultureInfo.InvariantCulture), mine[1].Calibrated);
        Assert.DoesNotContain(text.Split('\n'), line => line.StartsWith('=') || line.Contains(",=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Weights_set_on_their_page_make_the_composite_and_the_rounds_page_lists_each_round_with_its_reviews()
    {
        var seeded = await SeedAsync(StageKind.Assessment, FourApplicants("Weighted"));
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync("/admin/scores/assessments/weights");

        var saved = await admin.SubmitAsync(form, "#weights", new Dictionary<string, string> { [$"Weight[{CompositePart.RoundKey(seeded.RoundId)}]"] = "0.5" });
        var rounds = await admin.GetAsync("/admin/scores/assessments/rounds");

        Assert.Contains("The composite weights were saved.", saved.One(".notice")!.TextContent, StringComparison.Ordinal);
        var table = await admin.GetAsync($"/admin/scores/assessments?round={seeded.RoundId}&sort=composite");
        Assert.Equal(seeded.Subjects.OrderByDescending(s => seeded.Fit.Subjects[s].Calibrated).ToList(), Order(table, seeded.Subjects));
        Assert.Equal(seeded.Fit.Subjects[seeded.Subjects[0]].Calibrated.ToString("0.00", CultureInfo.InvariantCulture),
            Row(table, seeded.Subjects[0]).QuerySelector(".composite")!.TextContent);
        Assert.Equal("8", rounds.One($"#round-{seeded.RoundId} .reviews")!.TextContent);
        var refused = await admin.SubmitAsync(await admin.GetAsync("/admin/scores/assessments/weights"), "#weights", new Dictionary<string, string> { [$"Weight[{CompositePart.RoundKey(seeded.RoundId)}]"] = "-1" });
        Assert.Contains("from 0 to", refused.One(".problem")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_s_score_table_holds_that_stream_s_applications_scored_by_its_rounds_and_decides_stream_applications()
    {
        var people = new List<SeededApplicant>();
        foreach (var name in new[] { "Stream Strong", "Stream Weak" })
        {
            people.Add(await app.AddApplicantAsync(ApplicationState.Advanced, name: name));
        }

        var (first, other, round, fit) = await app.WithDbAsync(async db =>
        {
            var streams = await db.Streams.OrderBy(s => s.Id).Take(2).ToListAsync();
            var applicants = await db.Applications.Where(a => people.Select(p => p.ApplicationId).Contains(a.Id)).OrderBy(a => a.Id).Select(a => a.ApplicantId).ToListAsync();
            var applications = applicants.SelectMany(applicant => streams.Select(s => new StreamApplication
                { StreamId = s.Id, ApplicantId = applicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow })).ToList();
            db.StreamApplications.AddRange(applications);
            await db.SaveChangesAsync();
            var first = applications.Where(a => a.StreamId == streams[0].Id).Select(a => a.Id).ToArray();
            var reviewers = await SubmittedReviews.ReviewersAsync(db, 2);
            var round = await SubmittedReviews.RoundAsync(db, StageKind.Streams, ReviewRoundState.Closed, "Stream round", streams[0].Id);
            var reviews = new List<ReviewScore> { new(first[0], reviewers[0], 8), new(first[0], reviewers[1], 9), new(first[1], reviewers[0], 3), new(first[1], reviewers[1], 2) };
            foreach (var review in reviews)
            {
                await SubmittedReviews.ReviewAsync(db, round, review.Subject, review.Reviewer, review.Score);
            }

            return (first, applications.Where(a => a.StreamId == streams[1].Id).Select(a => a.Id).ToArray(), round, Calibration.Fit(reviews));
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var table = await admin.GetAsync($"/admin/scores/streams?stream={round.StreamId}&top=1");

        Assert.Equal(first.OrderByDescending(id => fit.Subjects[id].Calibrated), Order(table, [.. first, .. other]));
        Assert.NotNull(table.One($"input[name=round][value='{round.Id}'][checked]"));
        Assert.Equal([first[0]], Ticked(table));

        var confirm = await admin.SubmitAsync(table, "#decide", new Dictionary<string, string> { ["decision"] = "Reject" });
        Assert.Contains("Reject 1 application?", confirm.One("#confirm-heading")!.TextContent, StringComparison.Ordinal);
        await admin.SubmitAsync(confirm, "#confirmed", new Dictionary<string, string>());

        var states = await app.WithDbAsync(db => db.StreamApplications.Where(a => first.Contains(a.Id) || other.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.State));
        Assert.Equal(ApplicationState.Rejected, states[first[0]]);
        Assert.All(states.Where(s => s.Key != first[0]), s => Assert.Equal(ApplicationState.Submitted, s.Value));
    }

    [Fact]
    public async Task The_old_ranking_addresses_still_answer_with_the_score_table_its_rounds_its_weights_and_its_decisions()
    {
        var seeded = await SeedAsync(StageKind.General, FourApplicants("Bookmarked"));
        var expected = seeded.Subjects.OrderByDescending(s => seeded.Fit.Subjects[s].Calibrated).ToList();
        using var admin = await app.AsAsync(Roles.Admin);

        var table = await admin.GetAsync($"/admin/ranking/general?round={seeded.RoundId}");
        var rounds = await admin.GetAsync("/admin/ranking/general/rounds");
        var weights = await admin.SubmitAsync(await admin.GetAsync("/admin/ranking/general/weights"), "#weights",
            new Dictionary<string, string> { [$"Weight[{CompositePart.RoundKey(seeded.RoundId)}]"] = "-1" });
        var token = table.One("#decide input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var decided = await admin.Client.PostAsync($"/admin/ranking/general?round={seeded.RoundId}&handler=Decide", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("decision", "Advance"), new("ids", expected[0].ToString(CultureInfo.InvariantCulture))]));

        Assert.Equal(expected, Order(table, seeded.Subjects));
        Assert.StartsWith("/admin/scores/general?", table.One("#export")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("8", rounds.One($"#round-{seeded.RoundId} .reviews")!.TextContent);
        Assert.Contains("from 0 to", weights.One(".problem")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/admin/scores/general?", decided.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Advanced, await app.StateAsync(expected[0]));
        Assert.Equal(ApplicationState.Submitted, await app.StateAsync(expected[1]));
    }

    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Reviewer)]
    public async Task Only_admins_reach_the_score_table_pages_its_export_and_its_decisions(string role)
    {
        var seeded = await SeedAsync(StageKind.General, [("Guarded", 7, 8)]);
        using var browser = await app.AsAsync(role);

        foreach (var url in new[] { "/admin/scores/general", "/admin/scores/streams", "/admin/scores/general?handler=Csv", "/admin/scores/general/rounds", "/admin/scores/general/weights" })
        {
            Assert.True(Refused(await browser.GetAsync(url)), url);
        }

        Assert.True(Refused(await browser.PostAsAsync("/admin/scores/general?handler=Decide",
            new Dictionary<string, string> { ["decision"] = "Advance", ["ids"] = seeded.Subjects[0].ToString(CultureInfo.InvariantCulture) })));
        Assert.True(Refused(await browser.PostAsAsync("/admin/scores/general/weights",
            new Dictionary<string, string> { [$"Weight[{CompositePart.RoundKey(seeded.RoundId)}]"] = "1" })));
        Assert.Equal(ApplicationState.Submitted, await app.StateAsync(seeded.Subjects[0]));
        Assert.False(await app.WithDbAsync(db => db.ScoreWeights.AnyAsync(w => w.RoundId == seeded.RoundId)));
    }
}

public sealed class ScoreTablePagesOnSqlite(SqliteApp app) : ScoreTablePagesTests(app), IClassFixture<SqliteApp>;

public sealed class ScoreTablePagesOnPostgres(PostgresApp app) : ScoreTablePagesTests(app), IClassFixture<PostgresApp>;
