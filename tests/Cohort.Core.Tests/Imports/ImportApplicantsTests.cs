using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Imports;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Imports;

/// <summary>
/// Importing applicants is all or nothing: each kind of bad input is refused naming its line and column, with not a row
/// written (counted table by table); a sound file creates accounts and submitted applications once, and again changes nothing.
/// </summary>
public abstract class ImportApplicantsTests(CoreServicesFixture core)
{
    private const string Header = "Timestamp,Email Address,Full name,Date of birth,Where will you be based during the programme?," +
        "What best describes you now?,Which research areas interest you?,Why do you want to do AI safety research?,Organisation";

    private static readonly Dictionary<string, string> Mapping = new() { ["Why do you want to do AI safety research?"] = "question:motivation" };

    public static string Row(string email, string name = "Ines Moreau", string timestamp = "11/3/2026 9:14:07", string birth = "5/17/1998",
        string role = "Student", string interests = "Interpretability, Evaluations", string motivation = "\"I want to know\nwhat models do.\"") =>
        $"{timestamp},{email},{name},{birth},Lyon,{role},\"{interests}\",{motivation},";

    public static string File(params string[] rows) => "\uFEFF" + Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    public static Task<ApplicantImportReport> RunAsync(CoreServicesFixture core, string csv, bool dryRun = false, IReadOnlyDictionary<string, string>? mapping = null, DateOrder order = DateOrder.MonthFirst) =>
        core.RunAsync<ImportApplicants, ApplicantImportReport>(import => import.RunAsync(new ApplicantImportRequest(csv, mapping ?? Mapping, dryRun, order), Actor.CommandLine));

    /// <summary>The rows of every table an import writes to.</summary>
    public static Task<string> CountsAsync(CoreServicesFixture core) => core.RunAsync<CohortDbContext, string>(async db =>
        $"users {await db.Users.CountAsync()}, roles {await db.UserRoles.CountAsync()}, applications {await db.Applications.CountAsync()}, " +
        $"answers {await db.Set<Answer>().CountAsync()}, audit {await db.AuditEntries.CountAsync()}, outbox {await db.OutboxMessages.CountAsync()}");

    private async Task<ApplicantImportReport> AssertRefusedAsync(string csv, params string[] places)
    {
        var before = await CountsAsync(core);

        var report = await RunAsync(core, csv);

        Assert.False(report.Written);
        Assert.Empty(report.Rows);
        foreach (var place in places)
        {
            Assert.Contains(report.Problems, p => p.Where == place);
        }

        Assert.Equal(before, await CountsAsync(core));
        return report;
    }

    [Fact]
    public async Task Broken_csv_is_refused_naming_its_line_and_nothing_is_written()
    {
        var report = await AssertRefusedAsync(File(Row("broken.one@example.org"), "11/3/2026 9:14:07,broken.two@example.org,\"Never closed"), "line 4");

        Assert.Contains("not well-formed CSV", report.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_question_no_column_answers_is_refused_and_nothing_is_written()
    {
        const string csv = "Email Address,Full name,Date of birth,Where will you be based during the programme?,What best describes you now?,Which research areas interest you?\r\n" +
            "unmapped@example.org,Ines Moreau,5/17/1998,Lyon,Student,Evaluations\r\n";
        var before = await CountsAsync(core);

        var report = await RunAsync(core, csv, mapping: new Dictionary<string, string>());

        Assert.Contains(report.Problems, p => p.Where == "mapping" && p.Message.Contains("\"motivation\"", StringComparison.Ordinal) && p.Message.Contains("required", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync(core));
    }

    [Fact]
    public async Task A_duplicate_email_is_refused_naming_both_lines_and_nothing_is_written()
    {
        var report = await AssertRefusedAsync(File(Row("twice@example.org"), Row("once@example.org"), Row("TWICE@example.org", timestamp: "11/4/2026 8:00")),
            "line 2, column \"Email Address\"", "line 6, column \"Email Address\"");

        Assert.Contains("also on line 6", report.Problems.First(p => p.Where == "line 2, column \"Email Address\"").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_date_format_is_refused_with_its_column_and_a_hint_and_nothing_is_written()
    {
        var report = await AssertRefusedAsync(File(Row("dates@example.org", timestamp: "31/10/2026 10:00", birth: "the seventh of May")),
            "line 2, column \"Timestamp\"", "line 2, column \"Date of birth\"");

        Assert.Contains("day-first", report.Problems.Single(p => p.Where.EndsWith("\"Timestamp\"", StringComparison.Ordinal)).Message, StringComparison.Ordinal);
        Assert.Single(report.Problems, p => p.Where.EndsWith("\"Date of birth\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answers_the_form_would_refuse_are_refused_by_the_forms_own_rules_and_nothing_is_written()
    {
        var report = await AssertRefusedAsync(File(Row("astronaut@example.org", role: "Astronaut", interests: "Knitting"), Row("young@example.org", birth: "1/1/2015")),
            "line 2, column \"What best describes you now?\"", "line 2, column \"Which research areas interest you?\"", "line 4, column \"Date of birth\"");

        Assert.Contains("Choose one of the options.", report.Problems.Select(p => p.Message));
        Assert.Contains(report.Problems, p => p.Message.StartsWith("You must be", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_column_neither_mapped_nor_guessed_and_a_mapping_to_no_question_are_refused()
    {
        var before = await CountsAsync(core);

        var report = await RunAsync(core, File(Row("columns@example.org")), mapping: new Dictionary<string, string>
        {
            ["Organisation"] = "question:no-such-question",
            ["Not in the file"] = "ignore",
        });

        Assert.Contains(report.Problems, p => p.Where == "column \"Why do you want to do AI safety research?\"");
        Assert.Contains(report.Problems, p => p.Where == "mapping \"Organisation\"" && p.Message.Contains("no question", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Where == "mapping \"Not in the file\"");
        Assert.Equal(before, await CountsAsync(core));
    }

    [Fact]
    public async Task A_dry_run_reports_the_changes_and_writes_nothing()
    {
        var before = await CountsAsync(core);

        var report = await RunAsync(core, File(Row("dry.one@example.org"), Row("dry.two@example.org", name: "Jonas Berg")), dryRun: true);

        Assert.True(report.Succeeded, string.Join("; ", report.Problems));
        Assert.False(report.Written);
        Assert.Equal([RowChange.Created, RowChange.Created], report.Rows.Select(r => r.Change));
        Assert.Equal(2, report.NewAccounts);
        Assert.Equal(before, await CountsAsync(core));
    }

    [Fact]
    public async Task An_import_creates_accounts_and_submitted_applications_and_the_same_file_again_changes_nothing()
    {
        var csv = File(Row("first.import@example.org", name: "Ada Quist"), Row("second.import@example.org", name: "Bo Lind", interests: "AI control"));

        var first = await RunAsync(core, csv);
        var counts = await CountsAsync(core);
        var again = await RunAsync(core, csv);

        Assert.True(first.Written, string.Join("; ", first.Problems));
        Assert.Equal(2, first.Created);
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(counts, await CountsAsync(core));
        var stored = await core.RunAsync<CohortDbContext, Application>(db => db.Applications.Include(a => a.Answers)
            .SingleAsync(a => db.Users.Any(u => u.Id == a.ApplicantId && u.Email == "first.import@example.org")));
        Assert.Equal(ApplicationState.Submitted, stored.State);
        Assert.Equal(new DateTime(2026, 11, 3, 9, 14, 7, DateTimeKind.Utc), stored.SubmittedAt);
        var values = stored.Answers.Select(a => a.Value).ToList();
        Assert.Contains("1998-05-17", values);
        Assert.Contains("Interpretability\nEvaluations", values);
        Assert.Contains("I want to know\nwhat models do.", values);
        var account = await core.RunAsync<CohortDbContext, Core.Accounts.CohortUser>(db => db.Users.SingleAsync(u => u.Email == "first.import@example.org"));
        Assert.Null(account.PasswordHash);
        Assert.True(account.EmailConfirmed);
        Assert.Equal("Ada Quist", account.DisplayName);
        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.UserRoles.AnyAsync(r => r.UserId == account.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == "Applicant"))));
    }

    [Fact]
    public async Task A_changed_answer_updates_the_submitted_application_and_a_draft_is_refused()
    {
        Assert.True((await RunAsync(core, File(Row("changes@example.org")))).Written);

        var changed = await RunAsync(core, File(Row("changes@example.org", role: "In industry")));
        var draftOwner = await core.RunAsync<CohortDbContext, string>(async db =>
        {
            var application = await db.Applications.Include(a => a.Answers).SingleAsync(a => db.Users.Any(u => u.Id == a.ApplicantId && u.Email == "changes@example.org"));
            application.State = ApplicationState.Draft;
            await db.SaveChangesAsync();
            return application.ApplicantId;
        });
        var refused = await AssertRefusedAsync(File(Row("changes@example.org", role: "Student")), "line 2, column \"Email Address\"");

        Assert.Equal(RowChange.Updated, changed.Rows.Single().Change);
        Assert.Contains("In industry", await core.RunAsync<CohortDbContext, List<string>>(db => db.Set<Answer>()
            .Where(a => db.Applications.Any(p => p.Id == a.ApplicationId && p.ApplicantId == draftOwner)).Select(a => a.Value).ToListAsync()));
        Assert.Contains("draft", refused.Problems.Single().Message, StringComparison.Ordinal);
    }
}

public sealed class ImportApplicantsOnSqlite(SqliteCore core) : ImportApplicantsTests(core), IClassFixture<SqliteCore>;

public sealed class ImportApplicantsOnPostgres(PostgresCore core) : ImportApplicantsTests(core), IClassFixture<PostgresCore>;
