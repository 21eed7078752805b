using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// What the public pages promise is what the settings do, and admins flag the questions and items that identify
/// applicants, whose answers blind reviewers then never see.
/// </summary>
public abstract class BlindPromiseAndFlagTests(CohortApp app)
{
    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private Task SettingsAsync(BlindSettings settings) => app.WithDbAsync(async db => { await AssignedApplication.SaveSettingsAsync(db, settings); return 0; });

    /// <summary>The promise as each page that states it shows it: the track page, the FAQ and the application form.</summary>
    private async Task<IReadOnlyList<string>> PromisesAsync()
    {
        using var anonymous = app.NewBrowser();
        using var applicant = await app.AsAsync(Roles.Applicant);
        var pages = new[] { await anonymous.GetAsync("/tracks/empirical"), await anonymous.GetAsync("/faq"), await applicant.GetAsync("/apply/general") };
        Assert.All(pages, page => Assert.DoesNotContain("institution hidden", page.Text, StringComparison.OrdinalIgnoreCase));
        return pages.Select(page => page.One("[data-blind-promise]")!.TextContent).ToList();
    }

    [Fact]
    public async Task The_track_page_the_faq_and_the_application_form_promise_what_the_settings_do_and_change_with_them()
    {
        await app.WithDbAsync(db => db.BlindSettings.ExecuteDeleteAsync());
        var unsaved = await PromisesAsync();
        var showing = new BlindSettings { HideName = false, HideOrganisation = false, HideCv = false };
        await SettingsAsync(showing);
        var changed = await PromisesAsync();

        Assert.All(unsaved, promise => Assert.Equal(BlindPromise.ForApplicants(new BlindSettings()), promise));
        Assert.All(changed, promise => Assert.Equal(BlindPromise.ForApplicants(showing), promise));
        Assert.All(changed, promise => Assert.DoesNotContain("your name,", promise, StringComparison.Ordinal));
        Assert.All(changed, promise => Assert.Contains("Reviewers can read your CV", promise, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admins_flag_a_question_and_a_date_of_birth_must_be_asked_as_a_date()
    {
        var key = $"phone-{Guid.NewGuid():N}"[..16];
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync("/admin/forms/general/questions/new");
        var values = new Dictionary<string, string> { ["Input.Key"] = key, ["Input.Prompt"] = "A phone number", ["Input.Kind"] = "ShortText", ["Input.Identity"] = "DateOfBirth" };

        var refused = await admin.SubmitAsync(form, "#question", values);
        values["Input.Identity"] = "Contact";
        await admin.SubmitAsync(refused, "#question", values);

        Assert.Contains("A date of birth must be asked as a Date question", refused.One("#Input_Identity-problem")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(IdentityFlag.Contact, await app.WithDbAsync(db => db.Set<Question>().Where(q => q.Key == key).Select(q => q.Identity).SingleAsync()));
    }

    [Fact]
    public async Task An_item_an_admin_flags_is_hidden_from_blind_reviewers_and_its_words_leave_the_other_answers()
    {
        await SettingsAsync(new BlindSettings());
        var assessment = await app.WithDbAsync(db => AssessmentStageAttempts.AssessmentAsync(db, Now));
        var code = assessment.Items.Single(i => i.Kind == ItemKind.Code);
        var handle = $"handle{Guid.NewGuid():N}"[..18];
        using var admin = await app.AsAsync(Roles.Admin);
        await admin.SubmitAsync(await admin.GetAsync($"/admin/assessments/items/{code.Id}/edit"), "main form", new Dictionary<string, string> { ["Input.Identity"] = "Contact" });
        var attempt = await app.WithDbAsync(async db => await AssessmentStageAttempts.AttemptAsync(db, assessment,
            await AssessmentStageAttempts.AccountAsync(db, "Flagged Applicant", $"flagged-{Guid.NewGuid():N}@example.net"),
            new Dictionary<ItemKind, string> { [ItemKind.Code] = handle, [ItemKind.FreeText] = $"Ask {handle} about it." }, Now));
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var hidden = await reviewer.GetAsync($"/review/answers/{AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.Code)}");
        var redacted = await reviewer.GetAsync($"/review/answers/{AssessmentStageAttempts.AnswerId(attempt, assessment, ItemKind.FreeText)}");

        Assert.Equal(IdentityFlag.Contact, await app.WithDbAsync(db => db.Set<AssessmentItem>().Where(i => i.Id == code.Id).Select(i => i.Identity).SingleAsync()));
        Assert.Contains(BlindRedaction.ContactHidden, hidden.One("#answer-hidden")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"Ask {BlindRedaction.ContactHidden} about it.", redacted.One("#answer")!.TextContent.Trim());
        foreach (var page in new[] { hidden, redacted })
        {
            Assert.DoesNotContain(handle, await page.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

public sealed class BlindPromiseAndFlagsOnSqlite(SqliteApp app) : BlindPromiseAndFlagTests(app), IClassFixture<SqliteApp>;

public sealed class BlindPromiseAndFlagsOnPostgres(PostgresApp app) : BlindPromiseAndFlagTests(app), IClassFixture<PostgresApp>;
