using System.Text;
using System.Text.Json;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Exports;
using Cohort.Core.Mail;
using Cohort.Core.Pipeline;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Exports;

/// <summary>
/// The exports of lane exports-b over the demo's activity (reviews, score tables, decisions, last season's match and
/// offers): a column per rubric criterion, formula-safe cells, identities in the identified view only, the decisions'
/// history with its mailing, and the rows the API reads page by page.
/// </summary>
public abstract class SelectionExportsTests(CoreServicesFixture core)
{
    private static readonly Actor Admin = new("admin-account", "Ada Ødegård");

    private Task<string> PastSeasonSlugAsync() =>
        core.RunAsync<CohortDbContext, string>(db => db.Seasons.Where(s => !s.IsCurrent).Select(s => s.Slug).FirstAsync());

    private async Task<ExportTable> ExportAsync(string kind, ExportView view, string? season = null)
    {
        var outcome = await core.RunAsync<Exporter, ExportOutcome>(e => e.RunAsync(Actor.System, kind, season, view, CancellationToken.None));
        return outcome.Table ?? throw new InvalidOperationException(outcome.Refusal);
    }

    private static async Task<string> CsvAsync(ExportTable table)
    {
        using var stream = new MemoryStream();
        await ExportCsv.WriteAsync(table, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<string> JsonTextAsync(ExportTable table)
    {
        using var stream = new MemoryStream();
        await ExportJson.WriteAsync(table, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<JsonElement> JsonAsync(ExportTable table) => JsonDocument.Parse(await JsonTextAsync(table)).RootElement;

    private Task<List<string>> ApplicantNamesAsync() => core.RunAsync<CohortDbContext, List<string>>(db =>
        db.Applications.Select(a => db.Users.Where(u => u.Id == a.ApplicantId).Select(u => u.DisplayName).First()).Distinct().ToListAsync());

    [Fact]
    public async Task Reviews_have_a_column_per_criterion_formula_safe_cells_and_no_identity_in_the_blind_view()
    {
        var criteria = await core.RunAsync<CohortDbContext, List<string>>(db => db.ReviewRounds.SelectMany(r => r.Rubric!.Criteria).Select(c => c.Name).Distinct().ToListAsync());
        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var first = await db.ReviewSubmissions.OrderBy(s => s.Id).FirstAsync();
            first.Comment = "=HYPERLINK(\"http://evil.test\")";
            return await db.SaveChangesAsync();
        });

        var identified = await ExportAsync("reviews", ExportView.Identified);
        var blind = await ExportAsync("reviews", ExportView.Blind);

        var reviews = await core.RunAsync<CohortDbContext, int>(db => db.ReviewSubmissions.CountAsync(s => db.ReviewAssignments.Any(a => a.Id == s.AssignmentId && db.Seasons.Any(x => x.Id == a.Round!.SeasonId && x.IsCurrent))));
        Assert.Equal(reviews, identified.Rows.Count);
        Assert.All(identified.Columns.Where(c => c.StartsWith("criterion: ", StringComparison.Ordinal)), c => Assert.Contains(criteria, name => c.EndsWith(name, StringComparison.Ordinal)));
        Assert.Contains(identified.Columns, c => c.StartsWith("criterion: ", StringComparison.Ordinal));
        Assert.Contains("applicant", identified.Columns);
        Assert.DoesNotContain("applicant", blind.Columns);
        Assert.DoesNotContain("reviewer", blind.Columns);
        var csv = await CsvAsync(identified);
        Assert.StartsWith("# Cohort export: reviews", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        var blindCsv = await CsvAsync(blind);
        Assert.All(await ApplicantNamesAsync(), name => Assert.DoesNotContain(name, blindCsv, StringComparison.Ordinal));
        var json = await JsonAsync(blind);
        Assert.Equal("blind", json.GetProperty("view").GetString());
        var row = json.GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.Number, row.GetProperty("overall").ValueKind);
        Assert.Equal(JsonValueKind.Number, row.GetProperty(blind.Columns.First(c => c.StartsWith("criterion: ", StringComparison.Ordinal))).ValueKind);
    }

    [Fact]
    public async Task Rankings_list_every_stage_table_in_place_order_with_calibrated_scores()
    {

        var table = await ExportAsync("rankings", ExportView.Blind);
        var general = await core.RunAsync<FindScoreTable, ScoreTable?>(find => find.RunAsync(StageKind.General, null, null));

        var stage = table.Columns.ToList().IndexOf("stage");
        var place = table.Columns.ToList().IndexOf("place");
        var calibrated = table.Columns.ToList().IndexOf("calibrated");
        var generalRows = table.Rows.Where(r => (string?)r[stage] == "general").ToList();
        Assert.Equal(general!.Rows.Count, generalRows.Count);
        Assert.Equal(1, generalRows[0][place]);
        Assert.Equal(general.Rows.Max(r => r.Score?.Calibrated), (double?)generalRows[0][calibrated]);
        Assert.Contains(table.Rows, r => (string?)r[stage] == "streams");
        Assert.DoesNotContain("email", table.Columns);
        Assert.All(await ApplicantNamesAsync(), name => Assert.DoesNotContain(table.Rows.SelectMany(r => r), cell => cell is string text && text.Contains(name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Decisions_carry_who_changed_what_when_and_the_mailing_that_told_the_applicant()
    {
        var waitlisted = await core.RunAsync<CohortDbContext, List<int>>(db => db.Applications.Where(a => a.State == ApplicationState.Waitlisted && db.Seasons.Any(x => x.Id == a.Form!.SeasonId && x.IsCurrent))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync());
        var decided = await core.RunAsync<DecideApplications, DecisionOutcome>(d => d.RunAsync(Admin, StageKind.General, waitlisted, Decision.Reject));
        Assert.Equal(2, decided.Decided);
        core.Clock.Now = core.Clock.Now.AddMinutes(5);
        var mailing = await core.RunAsync<SendTemplatedMail, MailingOutcome>(m => m.SendAsync(Admin,
            new TemplatedMail(StageKind.General, new PipelineFilter(ApplicationState.Rejected), "About your {{stage}}", "Dear {{name}}, thank you.", "https://cohort.test/portal")));
        Assert.True(mailing.Ok, string.Join(" ", mailing.Problems));

        var page = await core.RunAsync<CohortDbContext, IReadOnlyList<DecisionRow>>(async db => await DecisionRows.PageAsync(db,
            new DecisionFilter(await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync(), StageKind.General, ApplicationState.Rejected),
            waitlisted[0] - 1, 1, CancellationToken.None));
        var change = Assert.Single(Assert.Single(page).History);
        Assert.Equal(("Ada Ødegård", "Waitlisted", ApplicationState.Rejected, "About your {{stage}}"), (change.Actor, change.From, change.To, change.Mail));

        var identified = await ExportAsync("decisions", ExportView.Identified);
        var blind = await ExportAsync("decisions", ExportView.Blind);
        var by = identified.Columns.ToList().IndexOf("changed_by");
        Assert.Equal(2, identified.Rows.Count(r => (string?)r[by] == "Ada Ødegård"));
        Assert.Equal(identified.Rows.Count, blind.Rows.Count);
        Assert.DoesNotContain(blind.Rows, r => (string?)r[blind.Columns.ToList().IndexOf("changed_by")] == "Ada Ødegård");
        Assert.Contains("email", identified.Columns);
        Assert.DoesNotContain("email", blind.Columns);
        Assert.Contains("About your {{stage}}", await CsvAsync(blind), StringComparison.Ordinal);
        // A name is written as its letters, not as \u escapes a person reading the file cannot.
        Assert.Contains("\"Ada Ødegård\"", await JsonTextAsync(identified), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_seasons_match_runs_and_offers_export_with_certificates_explanations_and_states()
    {
        var past = await PastSeasonSlugAsync();

        var runs = await ExportAsync("match-runs", ExportView.Blind, past);
        var offers = await ExportAsync("offers", ExportView.Identified, past);
        var blindOffers = await ExportAsync("offers", ExportView.Blind, past);
        var projects = await ExportAsync("projects", ExportView.Blind, past);

        var pastOffers = await core.RunAsync<CohortDbContext, int>(db => db.Offers.CountAsync(o => !db.Seasons.Single(s => s.Id == o.SeasonId).IsCurrent));
        Assert.Equal(pastOffers, offers.Rows.Count);
        Assert.NotEmpty(runs.Rows);
        // Last season's demo applicants applied to streams only, so they have no general application to be named by.
        Assert.Contains("application_id", runs.Columns);
        Assert.DoesNotContain("email", runs.Columns);
        Assert.All(runs.Rows, r => Assert.False(string.IsNullOrEmpty((string?)r[runs.Columns.ToList().IndexOf("explanation")])));
        Assert.Contains("blocking_pairs", runs.Columns);
        Assert.Contains("email", offers.Columns);
        Assert.DoesNotContain("email", blindOffers.Columns);
        Assert.Contains("assigned_application_id", projects.Columns);
        var json = await JsonAsync(runs);
        Assert.Equal("match-runs", json.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.True, json.GetProperty("rows")[0].GetProperty("certified").ValueKind);
    }
}

public sealed class SelectionExportsOnSqlite(SqliteActivityCore core) : SelectionExportsTests(core), IClassFixture<SqliteActivityCore>;

public sealed class SelectionExportsOnPostgres(PostgresActivityCore core) : SelectionExportsTests(core), IClassFixture<PostgresActivityCore>;
