using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Applications;

/// <summary>Stage 1 from the applicant's side: drafts keep everything, submission is checked, atomic and once only.</summary>
public abstract class GeneralApplicationTests(CoreServicesFixture core)
{
    private static readonly byte[] Pdf = "%PDF-1.7\n% a tiny CV\n%%EOF\n"u8.ToArray();

    private async Task<(string ApplicantId, int FormId)> NewApplicantAsync()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.net";
        await core.RunAsync<CreateAccount, Microsoft.AspNetCore.Identity.IdentityResult>(create =>
            create.RunAsync(email, "a long enough passphrase", "Test Applicant", Roles.Applicant, Actor.System));
        return await core.RunAsync<CohortDbContext, (string, int)>(async db =>
            ((await db.Users.SingleAsync(u => u.Email == email)).Id, (await db.ApplicationForms.SingleAsync()).Id));
    }

    private Task<DraftOutcome> SaveAsync(string applicant, int form, Dictionary<string, string> answers) =>
        core.RunAsync<SaveDraft, DraftOutcome>(save => save.RunAsync(applicant, form, answers));

    private Task<SubmitOutcome> SubmitAsync(string applicant, int form) =>
        core.RunAsync<SubmitApplication, SubmitOutcome>(submit => submit.RunAsync(applicant, form));

    private Task<UploadOutcome> UploadAsync(string applicant, int form, byte[] bytes, string name = "cv.pdf") =>
        core.RunAsync<StoreUpload, UploadOutcome>(upload => upload.RunAsync(applicant, form, "cv", name, new MemoryStream(bytes)));

    private static Dictionary<string, string> CompleteAnswers(string dateOfBirth = "1999-04-02") => new()
    {
        ["full-name"] = "Test Applicant",
        ["date-of-birth"] = dateOfBirth,
        ["location"] = "Lisbon",
        ["current-role"] = "Student",
        ["interests"] = "Interpretability\nEvaluations",
        ["motivation"] = "Because careful experiments on today's models tell us what tomorrow's will do.",
        ["best-work"] = "https://example.org/my-work",
    };

    private Task<Application> StoredAsync(string applicant) =>
        core.RunAsync<CohortDbContext, Application>(db => db.Applications.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.ApplicantId == applicant));

    [Fact]
    public async Task A_draft_keeps_every_answer_even_ones_not_yet_valid()
    {
        var (applicant, form) = await NewApplicantAsync();

        var saved = await SaveAsync(applicant, form, new() { ["full-name"] = "Half Done", ["best-work"] = "not a link yet" });

        Assert.NotNull(saved.SavedAt);
        Assert.Equal(["best-work"], saved.Problems.Select(p => p.QuestionKey));
        var stored = await StoredAsync(applicant);
        Assert.Equal(ApplicationState.Draft, stored.State);
        Assert.Equal(["Half Done", "not a link yet"], stored.Answers.OrderBy(a => a.QuestionId).Select(a => a.Value));
    }

    [Fact]
    public async Task Posted_fields_that_are_not_questions_are_ignored()
    {
        var (applicant, form) = await NewApplicantAsync();

        await SaveAsync(applicant, form, new() { ["full-name"] = "Honest Field", ["State"] = "Submitted", ["score"] = "100" });

        var stored = await StoredAsync(applicant);
        Assert.Equal(ApplicationState.Draft, stored.State);
        Assert.Single(stored.Answers);
    }

    [Fact]
    public async Task Submitting_with_missing_answers_lists_them_and_keeps_the_draft()
    {
        var (applicant, form) = await NewApplicantAsync();
        await SaveAsync(applicant, form, new() { ["full-name"] = "Only A Name" });

        var outcome = await SubmitAsync(applicant, form);

        Assert.False(outcome.Submitted);
        Assert.Contains("motivation", outcome.Problems.Select(p => p.QuestionKey));
        Assert.Contains("cv", outcome.Problems.Select(p => p.QuestionKey));
        Assert.Equal(ApplicationState.Draft, (await StoredAsync(applicant)).State);
    }

    [Fact]
    public async Task An_applicant_too_young_at_programme_start_is_told_why()
    {
        var (applicant, form) = await NewApplicantAsync();
        var season = await core.RunAsync<CohortDbContext, Core.Catalogue.Season>(db => db.Seasons.SingleAsync(s => s.IsCurrent));
        var tooYoung = season.ProgrammeStart.AddYears(-season.MinimumAge).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await SaveAsync(applicant, form, CompleteAnswers(tooYoung));
        await UploadAsync(applicant, form, Pdf);

        var outcome = await SubmitAsync(applicant, form);

        Assert.False(outcome.Submitted);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("date-of-birth", problem.QuestionKey);
        Assert.Contains($"{season.MinimumAge} or older", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twenty_simultaneous_submits_make_exactly_one_submission_and_one_mail()
    {
        var (applicant, form) = await NewApplicantAsync();
        await SaveAsync(applicant, form, CompleteAnswers());
        Assert.NotNull((await UploadAsync(applicant, form, Pdf)).FileId);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SubmitAsync(applicant, form))));

        Assert.All(outcomes, o => Assert.True(o.Submitted, o.Refusal ?? string.Join("; ", o.Problems)));
        Assert.Single(outcomes.Select(o => o.SubmittedAt).Distinct());
        var email = await core.RunAsync<CohortDbContext, string>(db => db.Users.Where(u => u.Id == applicant).Select(u => u.Email!).SingleAsync());
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.To == email)));
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.Applications.CountAsync(a => a.ApplicantId == applicant && a.State == ApplicationState.Submitted)));
    }

    [Fact]
    public async Task A_submitted_application_can_no_longer_be_changed()
    {
        var (applicant, form) = await NewApplicantAsync();
        await SaveAsync(applicant, form, CompleteAnswers());
        await UploadAsync(applicant, form, Pdf);
        Assert.True((await SubmitAsync(applicant, form)).Submitted);

        var late = await SaveAsync(applicant, form, new() { ["full-name"] = "A Changed Name" });

        Assert.NotNull(late.Refusal);
        Assert.Equal("Test Applicant", (await StoredAsync(applicant)).Answers.OrderBy(a => a.QuestionId).First().Value);
    }

    [Fact]
    public async Task Uploads_must_be_real_pdfs_of_at_most_five_megabytes()
    {
        var (applicant, form) = await NewApplicantAsync();
        var executable = "MZ\u0090\0 pretending to be a CV"u8.ToArray();
        var tooLarge = new byte[StoreUpload.MaxBytes + 1];
        Pdf.CopyTo(tooLarge, 0);

        var renamed = await UploadAsync(applicant, form, executable, "cv.pdf");
        var oversized = await UploadAsync(applicant, form, tooLarge);
        var fine = await UploadAsync(applicant, form, Pdf, "../../etc/My \"CV\".pdf");

        Assert.Contains("not a PDF", renamed.Problem, StringComparison.Ordinal);
        Assert.Contains("over the 5 MB limit", oversized.Problem, StringComparison.Ordinal);
        Assert.NotNull(fine.FileId);
        var stored = await core.RunAsync<CohortDbContext, StoredFile>(db => db.StoredFiles.SingleAsync(f => f.Id == fine.FileId));
        Assert.Equal(("My CV.pdf", applicant), (stored.FileName, stored.OwnerId));
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.StoredFiles.CountAsync(f => f.OwnerId == applicant)));
    }

    [Theory]
    [InlineData("cv.exe", "cv.pdf")]
    [InlineData("Résumé.PDF", "Résumé.PDF")]
    [InlineData("notes", "notes.pdf")]
    [InlineData(".exe", "cv.pdf")]
    public async Task A_pdf_is_stored_under_a_name_ending_in_pdf_whatever_it_was_sent_as(string sentAs, string storedAs)
    {
        var (applicant, form) = await NewApplicantAsync();

        var uploaded = await UploadAsync(applicant, form, Pdf, sentAs);

        Assert.Equal(storedAs, await core.RunAsync<CohortDbContext, string>(db => db.StoredFiles.Where(f => f.Id == uploaded.FileId).Select(f => f.FileName).SingleAsync()));
    }
}

public sealed class GeneralApplicationOnSqlite(SqliteCore core) : GeneralApplicationTests(core), IClassFixture<SqliteCore>;

public sealed class GeneralApplicationOnPostgres(PostgresCore core) : GeneralApplicationTests(core), IClassFixture<PostgresCore>;
