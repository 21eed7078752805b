using System.Text;
using System.Text.Json;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Exports;
using Cohort.Core.Review;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Exports;

/// <summary>
/// Each export kind on the demo season, as CSV and JSON: the statement line, the columns (one per question for
/// applications), typed JSON values, formula-safe CSV cells, and the blind view hiding exactly what the season's
/// blind settings hide while the identified view shows it.
/// </summary>
public abstract class ExportKindsTests(CohortApp app)
{
    private async Task<ExportTable> ExportAsync(string kind, ExportView view)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<Exporter>().RunAsync(Actor.System, kind, null, view, CancellationToken.None);
        return outcome.Table ?? throw new InvalidOperationException(outcome.Refusal);
    }

    private static async Task<string> WriteAsync(ExportTable table, ExportFormat format)
    {
        using var body = new MemoryStream();
        await ExportFile.WriteAsync(table, format, body, CancellationToken.None);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    [Theory]
    [InlineData("applications")]
    [InlineData("attempts")]
    [InlineData("stream-applications")]
    public async Task Each_kind_states_what_it_is_in_csv_and_json_and_has_a_row_per_record(string kind)
    {
        var table = await ExportAsync(kind, ExportView.Identified);
        var csv = await WriteAsync(table, ExportFormat.Csv);
        var json = JsonDocument.Parse(await WriteAsync(table, ExportFormat.Json)).RootElement;
        var season = await app.WithDbAsync(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Slug).SingleAsync());

        var lines = csv.Split('\n');
        Assert.Matches($@"^# Cohort export: {kind}, season {season}, generated \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\dZ; identities shown$", lines[0].TrimEnd('\r'));
        Assert.Equal(string.Join(',', table.Columns), lines[1].TrimEnd('\r'));
        Assert.NotEmpty(table.Rows);
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Equal(season, json.GetProperty("season").GetString());
        Assert.Equal("identified", json.GetProperty("view").GetString());
        Assert.Empty(json.GetProperty("hidden").EnumerateArray());
        Assert.Equal(table.Columns, json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(table.Rows.Count, rows.Count);
        Assert.All(rows, row => Assert.Equal(JsonValueKind.Number, row.GetProperty("id").ValueKind));
        Assert.All(rows, row => Assert.Equal(table.Columns, row.EnumerateObject().Select(p => p.Name)));
    }

    /// <summary>Application 1's motivation, rewritten to carry its applicant's name, email, a link and a formula.</summary>
    private async Task<(string Name, string Email, string Motivation)> PlantIdentityAsync()
    {
        return await app.WithDbAsync(async db =>
        {
            var application = await db.Applications.Include(a => a.Answers).OrderBy(a => a.Id).FirstAsync();
            var user = await db.Users.SingleAsync(u => u.Id == application.ApplicantId);
            // The application's own form's question: last season's form asks for a motivation too.
            var motivation = await db.Set<Question>().SingleAsync(q => q.Key == "motivation" && q.FormId == application.FormId);
            var text = $"=HYPERLINK(\"https://evil.example\") I am {user.DisplayName}; write to {user.Email} or see https://portfolio.example.org/me";
            application.Answers.Single(a => a.QuestionId == motivation.Id).Value = text;
            await db.SaveChangesAsync();
            return (user.DisplayName, user.Email!, text);
        });
    }

    private Task SetBlindSettingsAsync(bool hideUrls) => app.WithDbAsync(async db =>
    {
        var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
        var settings = await db.BlindSettings.SingleOrDefaultAsync(s => s.SeasonId == season.Id);
        if (settings is null)
        {
            settings = new BlindSettings { SeasonId = season.Id };
            db.BlindSettings.Add(settings);
        }

        (settings.HideName, settings.HideContact, settings.HideOrganisation, settings.HideDateOfBirth) = (true, true, true, false);
        (settings.HideUrls, settings.HideCv, settings.HideCvFileName, settings.HiddenQuestionKeysText) = (hideUrls, false, true, "location");
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Applications_have_a_column_per_question_and_the_blind_view_hides_what_the_settings_hide()
    {
        var (name, email, motivation) = await PlantIdentityAsync();
        await SetBlindSettingsAsync(hideUrls: false);
        // The current season's form's questions: the export is of the current season, and last season's form has its own.
        var keys = await app.WithDbAsync(db => db.Set<Question>()
            .Where(q => db.ApplicationForms.Any(f => f.Id == q.FormId && db.Seasons.Any(s => s.Id == f.SeasonId && s.IsCurrent)))
            .OrderBy(q => q.Position).Select(q => q.Key).ToListAsync());

        var identified = await ExportAsync("applications", ExportView.Identified);
        var identifiedCsv = await WriteAsync(identified, ExportFormat.Csv);
        var identifiedJson = JsonDocument.Parse(await WriteAsync(identified, ExportFormat.Json)).RootElement;
        var blind = await ExportAsync("applications", ExportView.Blind);
        var blindCsv = await WriteAsync(blind, ExportFormat.Csv);
        var blindJson = JsonDocument.Parse(await WriteAsync(blind, ExportFormat.Json)).RootElement;

        Assert.Equal(["id", "name", "email", "state", "created_at", "updated_at", "submitted_at", .. keys], identified.Columns);
        Assert.Contains(name, identifiedCsv, StringComparison.Ordinal);
        Assert.Contains(email, identifiedCsv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"https://evil.example\"\")", identifiedCsv, StringComparison.Ordinal);
        Assert.Equal(motivation, identifiedJson.GetProperty("rows")[0].GetProperty("motivation").GetString());

        // Hidden: name and contact (always), the organisation and full-name answers (flagged), "location" (by key).
        Assert.Equal(["id", "state", "created_at", "updated_at", "submitted_at", .. keys.Except(["full-name", "location", "organisation"])], blind.Columns);
        Assert.StartsWith("# Cohort export: applications, season ", blindCsv, StringComparison.Ordinal);
        Assert.EndsWith("; identities hidden (name, contact details, university or employer, CV file name, question location)", blindCsv.Split('\n')[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Equal(["name", "contact details", "university or employer", "CV file name", "question location"], blindJson.GetProperty("hidden").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal("blind", blindJson.GetProperty("view").GetString());
        Assert.DoesNotContain(name, blindCsv, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, blindCsv, StringComparison.OrdinalIgnoreCase);
        var row = blindJson.GetProperty("rows")[0];
        var blindMotivation = row.GetProperty("motivation").GetString()!;
        Assert.Contains(BlindRedaction.NameHidden, blindMotivation, StringComparison.Ordinal);
        Assert.Contains(BlindRedaction.EmailHidden, blindMotivation, StringComparison.Ordinal);
        Assert.Contains("https://portfolio.example.org/me", blindMotivation, StringComparison.Ordinal);
        Assert.Equal(BlindApplication.CvLabel, row.GetProperty("cv").GetString());

        await SetBlindSettingsAsync(hideUrls: true);
        var hidingLinks = await ExportAsync("applications", ExportView.Blind);
        var linksHidden = JsonDocument.Parse(await WriteAsync(hidingLinks, ExportFormat.Json)).RootElement;

        Assert.DoesNotContain("best-work", hidingLinks.Columns);
        Assert.Contains("links", linksHidden.GetProperty("hidden").EnumerateArray().Select(h => h.GetString()));
        Assert.Contains(BlindRedaction.LinkHidden, linksHidden.GetProperty("rows")[0].GetProperty("motivation").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("portfolio.example.org", await WriteAsync(hidingLinks, ExportFormat.Csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempts_have_a_column_per_item_with_its_points_and_only_the_identified_view_names_the_applicant()
    {
        var (attemptId, name, choicePoints, orderingPoints) = await app.WithDbAsync(async db =>
        {
            var attempt = await db.Attempts.Include(a => a.Answers).Include(a => a.Assessment).ThenInclude(a => a!.Items)
                .Where(a => a.ClosedAt != null && a.Assessment!.Slug == "research-taste").OrderBy(a => a.Id).FirstAsync();
            var items = attempt.Assessment!.Items.OrderBy(i => i.Position).ToList();
            // The demo answered the items scored automatically; the essay is left for this test to answer and have reviewed.
            var essay = new AttemptAnswer { AttemptId = attempt.Id, ItemId = items[2].Id, Value = "An essay.", SavedAt = attempt.StartedAt };
            db.Add(essay);
            await db.SaveChangesAsync();
            var reviewers = await db.Users.OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync();
            db.AnswerReviews.AddRange(
                new AnswerReview { AnswerId = essay.Id, ReviewerId = reviewers[0], Points = 3, ReviewedAt = attempt.StartedAt },
                new AnswerReview { AnswerId = essay.Id, ReviewerId = reviewers[1], Points = 4, ReviewedAt = attempt.StartedAt });
            await db.SaveChangesAsync();
            double AutoPoints(AssessmentItem item) => attempt.Answers.Single(a => a.ItemId == item.Id).AutoPoints!.Value;
            return (attempt.Id, await db.Users.Where(u => u.Id == attempt.ApplicantId).Select(u => u.DisplayName).SingleAsync(), AutoPoints(items[0]), AutoPoints(items[1]));
        });

        var identified = await ExportAsync("attempts", ExportView.Identified);
        var json = JsonDocument.Parse(await WriteAsync(identified, ExportFormat.Json)).RootElement;
        var blind = await ExportAsync("attempts", ExportView.Blind);

        Assert.Contains("research-taste.q1", identified.Columns);
        Assert.Contains("technical-implementation.q2", identified.Columns);
        var row = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == attemptId);
        Assert.Equal(name, row.GetProperty("name").GetString());
        Assert.Equal(choicePoints, row.GetProperty("research-taste.q1").GetDouble());
        Assert.Equal(orderingPoints, row.GetProperty("research-taste.q2").GetDouble());
        Assert.Equal(3.5, row.GetProperty("research-taste.q3").GetDouble());
        Assert.Equal(3.5, row.GetProperty("reviewed_points").GetDouble());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("application_id").ValueKind);
        Assert.DoesNotContain("name", blind.Columns);
        Assert.DoesNotContain("email", blind.Columns);
        Assert.DoesNotContain(name, await WriteAsync(blind, ExportFormat.Csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_applications_carry_their_stream_state_and_the_applicants_general_application()
    {
        var expected = await app.WithDbAsync(db => db.StreamApplications.CountAsync(s => s.Stream!.Track!.Season!.IsCurrent));

        var identified = await ExportAsync("stream-applications", ExportView.Identified);
        var blind = await ExportAsync("stream-applications", ExportView.Blind);
        var csv = await WriteAsync(blind, ExportFormat.Csv);

        Assert.Equal(expected, identified.Rows.Count);
        Assert.Equal(expected, blind.Rows.Count);
        Assert.Contains("interview_at", identified.Columns);
        Assert.Contains("follow_up_auto_score", identified.Columns);
        Assert.Equal(["id", "application_id", "stream", "stream_name", "state"], blind.Columns.Take(5));
        Assert.All(identified.Rows, r => Assert.NotNull(r[identified.Columns.ToList().IndexOf("application_id")]));
        Assert.DoesNotContain("@", csv.Split('\n', 2)[1], StringComparison.Ordinal);
    }
}

[CollectionDefinition(Name)]
public sealed class ExportsOnSqlite : ICollectionFixture<SqliteActivityApp>
{
    public const string Name = "exports on SQLite";
}

[CollectionDefinition(Name)]
public sealed class ExportsOnPostgres : ICollectionFixture<PostgresActivityApp>
{
    public const string Name = "exports on PostgreSQL";
}

[Collection(ExportsOnSqlite.Name)]
public sealed class ExportKindsOnSqlite(SqliteActivityApp app) : ExportKindsTests(app);

[Collection(ExportsOnPostgres.Name)]
public sealed class ExportKindsOnPostgres(PostgresActivityApp app) : ExportKindsTests(app);
