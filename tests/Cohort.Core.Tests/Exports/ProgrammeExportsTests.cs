using System.Text;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Exports;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;

namespace Cohort.Core.Tests.Exports;

/// <summary>
/// The programme's four export kinds (fellows, milestones, artifacts, extensions) over last season's demo cohort with
/// programme rows written in directly: their columns, identities in the identified view only, free text about a
/// fellow redacted in the blind one, and artifacts beyond the showcase never leaving through the API.
/// </summary>
public abstract class ProgrammeExportsTests(CoreServicesFixture core)
{
    private Task<ProgrammeSeed> SeedAsync() => PastProgramme.OnceAsync(core, async () =>
    {
        return await core.RunAsync<CohortDbContext, ProgrammeSeed>(db => PastProgramme.SeedAsync(db, PastProgramme.PastSeason, core.Clock.GetUtcNow().UtcDateTime));
    });

    private async Task<ExportTable> ExportAsync(string kind, ExportView view, string season, bool overApi = false)
    {
        var outcome = await core.RunAsync<Exporter, ExportOutcome>(e => e.RunAsync(Actor.System, kind, season, view, CancellationToken.None, overApi));
        return outcome.Table ?? throw new InvalidOperationException(outcome.Refusal);
    }

    private static async Task<string> CsvAsync(ExportTable table)
    {
        using var stream = new MemoryStream();
        await ExportCsv.WriteAsync(table, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static object? Cell(ExportTable table, object?[] row, string column) => row[table.Columns.ToList().IndexOf(column)];

    private static object?[] RowOf(ExportTable table, string column, object value) => table.Rows.Single(r => Equals(Cell(table, r, column), value));

    private static object?[] InRound(ExportTable table, int roundId, int fellowshipId) =>
        table.Rows.Single(r => Equals(Cell(table, r, "round_id"), roundId) && Equals(Cell(table, r, "fellowship_id"), fellowshipId));

    [Fact]
    public async Task The_fellows_export_has_a_row_per_fellowship_with_names_and_emails_in_the_identified_view_only()
    {
        var seed = await SeedAsync();
        var cohort = await core.RunAsync<CohortDbContext, int>(db => Task.FromResult(db.Fellowships.Count(f => f.SeasonId == seed.SeasonId)));

        var identified = await ExportAsync("fellows", ExportView.Identified, seed.Season);
        var blind = await ExportAsync("fellows", ExportView.Blind, seed.Season);

        Assert.Equal(cohort, identified.Rows.Count);
        Assert.Equal(
            ["fellowship_id", "application_id", "name", "email", "season", "stream", "stream_name", "projects", "started_at", "ends_on", "extended", "latest_assessment", "latest_assessment_at"],
            identified.Columns);
        var fellow = RowOf(identified, "fellowship_id", seed.Fellow.FellowshipId);
        Assert.Equal((seed.Fellow.Name, seed.Fellow.Email, true, "AtRisk"), ((string?)Cell(identified, fellow, "name"), (string?)Cell(identified, fellow, "email"), (bool?)Cell(identified, fellow, "extended"), (string?)Cell(identified, fellow, "latest_assessment")));
        var other = RowOf(identified, "fellowship_id", seed.Other.FellowshipId);
        Assert.Equal("OffTrack", Cell(identified, other, "latest_assessment"));
        Assert.IsType<DateOnly>(Cell(identified, fellow, "ends_on"));

        Assert.Equal(cohort, blind.Rows.Count);
        Assert.DoesNotContain("name", blind.Columns);
        Assert.DoesNotContain("email", blind.Columns);
        var csv = await CsvAsync(blind);
        Assert.DoesNotContain(seed.Fellow.Name, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Fellow.Email, csv, StringComparison.Ordinal);
        Assert.StartsWith("# Cohort export: fellows, season 2026", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_milestones_export_has_a_row_per_fellow_and_milestone_with_lateness_submission_and_sign_off()
    {
        var seed = await SeedAsync();
        var cohort = await core.RunAsync<CohortDbContext, int>(db => Task.FromResult(db.Fellowships.Count(f => f.SeasonId == seed.SeasonId)));

        var identified = await ExportAsync("milestones", ExportView.Identified, seed.Season);
        var blind = await ExportAsync("milestones", ExportView.Blind, seed.Season);

        // Two cohort milestones for every fellow, and the extension round's for the one fellow it accepted.
        Assert.Equal(2 * cohort + 1, identified.Rows.Count(r => Cell(identified, r, "milestone_id") is int id && id >= seed.ResearchPlanId));
        var extension = Assert.Single(identified.Rows, r => Equals(Cell(identified, r, "milestone_id"), seed.ExtensionMilestoneId));
        Assert.Equal(seed.Fellow.FellowshipId, Cell(identified, extension, "fellowship_id"));

        var plan = identified.Rows.Where(r => Equals(Cell(identified, r, "milestone_id"), seed.ResearchPlanId)).ToList();
        var onTime = plan.Single(r => Equals(Cell(identified, r, "fellowship_id"), seed.Fellow.FellowshipId));
        var late = plan.Single(r => Equals(Cell(identified, r, "fellowship_id"), seed.Other.FellowshipId));
        var missing = plan.First(r => Cell(identified, r, "submitted_at") is null);
        Assert.Equal((false, $"plan-{seed.Fellow.Name}.pdf", "AtRisk", seed.MentorName), ((bool?)Cell(identified, onTime, "late"), (string?)Cell(identified, onTime, "file_name"), (string?)Cell(identified, onTime, "sign_off"), (string?)Cell(identified, onTime, "signed_off_by")));
        Assert.Contains(seed.Fellow.Name, (string?)Cell(identified, onTime, "comment"), StringComparison.Ordinal);
        Assert.Equal(seed.Fellow.Email, Cell(identified, onTime, "email"));
        Assert.True((bool?)Cell(identified, late, "late"));
        Assert.True((bool?)Cell(identified, missing, "late"), "a file due a month ago and never handed in is late");
        var final = identified.Rows.Single(r => Equals(Cell(identified, r, "milestone_id"), seed.FinalArtifactId) && Equals(Cell(identified, r, "fellowship_id"), seed.Fellow.FellowshipId));
        Assert.Equal(("https://example.org/final", false), ((string?)Cell(identified, final, "link"), (bool?)Cell(identified, final, "late")));

        Assert.Equal(identified.Rows.Count, blind.Rows.Count);
        Assert.DoesNotContain("email", blind.Columns);
        var blindOnTime = blind.Rows.Single(r => Equals(Cell(blind, r, "milestone_id"), seed.ResearchPlanId) && Equals(Cell(blind, r, "fellowship_id"), seed.Fellow.FellowshipId));
        Assert.Contains(BlindRedaction.NameHidden, (string?)Cell(blind, blindOnTime, "comment"), StringComparison.Ordinal);
        Assert.DoesNotContain(seed.Fellow.Name, await CsvAsync(blind), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_artifacts_export_gives_admins_every_state_and_the_api_only_the_showcase()
    {
        var seed = await SeedAsync();

        var admin = await ExportAsync("artifacts", ExportView.Identified, seed.Season);
        var blind = await ExportAsync("artifacts", ExportView.Blind, seed.Season);
        var overApi = await ExportAsync("artifacts", ExportView.Identified, seed.Season, overApi: true);

        var titles = admin.Rows.Select(r => (string?)Cell(admin, r, "title")).ToList();
        Assert.Contains(ProgrammeSeed.DraftTitle, titles);
        Assert.Contains(ProgrammeSeed.UnconfirmedTitle, titles);
        Assert.Contains(ProgrammeSeed.PrivateTitle, titles);
        var shown = RowOf(admin, "artifact_id", seed.PublicArtifactId);
        Assert.Equal($"{seed.Fellow.Name}; {seed.OutsideAuthor}; {seed.MentorName}", Cell(admin, shown, "authors"));
        Assert.Equal(("Paper", "2601.01234", "10.5555/cohort.programme", "CC-BY-4.0", "Published", true, true, seed.MentorName),
            ((string?)Cell(admin, shown, "kind"), (string?)Cell(admin, shown, "arxiv"), (string?)Cell(admin, shown, "doi"), (string?)Cell(admin, shown, "licence"),
                (string?)Cell(admin, shown, "state"), (bool?)Cell(admin, shown, "show_publicly"), (bool?)Cell(admin, shown, "pdf"), (string?)Cell(admin, shown, "confirmed_by")));
        Assert.Equal("Draft", Cell(admin, RowOf(admin, "title", ProgrammeSeed.DraftTitle), "state"));

        Assert.Equal($"fellowship {seed.Fellow.FellowshipId}; {seed.OutsideAuthor}; {seed.MentorName}", Cell(blind, RowOf(blind, "artifact_id", seed.PublicArtifactId), "authors"));
        Assert.DoesNotContain(seed.Fellow.Name, await CsvAsync(blind), StringComparison.Ordinal);

        Assert.Contains(overApi.Rows, r => Equals(Cell(overApi, r, "artifact_id"), seed.PublicArtifactId));
        Assert.DoesNotContain(overApi.Rows, r => seed.HiddenArtifactIds.Contains((int)Cell(overApi, r, "artifact_id")!));
        Assert.All(overApi.Rows, r => Assert.NotNull(Cell(overApi, r, "confirmed_at")));
    }

    [Fact]
    public async Task The_extensions_export_has_a_row_per_application_with_its_endorsements_and_decision()
    {
        var seed = await SeedAsync();

        var identified = await ExportAsync("extensions", ExportView.Identified, seed.Season);
        var blind = await ExportAsync("extensions", ExportView.Blind, seed.Season);

        // The demo's own extension rounds may hold applications of the same fellowships: rows are looked up in the seeded round.
        var accepted = InRound(identified, seed.RoundId, seed.Fellow.FellowshipId);
        Assert.Equal((seed.RoundId, 5000, "GBP", "Advanced", 4.5, 2, true, seed.Fellow.Name),
            ((int?)Cell(identified, accepted, "round_id"), (int?)Cell(identified, accepted, "requested_amount"), (string?)Cell(identified, accepted, "currency"),
                (string?)Cell(identified, accepted, "state"), (double?)Cell(identified, accepted, "endorsement_rating"), (int?)Cell(identified, accepted, "endorsements"),
                (bool?)Cell(identified, accepted, "decided"), (string?)Cell(identified, accepted, "name")));
        var rejected = InRound(identified, seed.RoundId, seed.Other.FellowshipId);
        Assert.Equal(("Rejected", null, 0), ((string?)Cell(identified, rejected, "state"), (double?)Cell(identified, rejected, "endorsement_rating"), (int?)Cell(identified, rejected, "endorsements")));
        Assert.Equal(identified.Rows.Count, blind.Rows.Count);
        Assert.DoesNotContain("name", blind.Columns);
        Assert.DoesNotContain(seed.Fellow.Email, await CsvAsync(blind), StringComparison.Ordinal);
    }
}

public sealed class ProgrammeExportsOnSqlite(SqliteActivityCore core) : ProgrammeExportsTests(core), IClassFixture<SqliteActivityCore>;

public sealed class ProgrammeExportsOnPostgres(PostgresActivityCore core) : ProgrammeExportsTests(core), IClassFixture<PostgresActivityCore>;
