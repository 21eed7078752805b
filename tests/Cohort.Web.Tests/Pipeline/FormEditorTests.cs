using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Pipeline;

/// <summary>Admins shape the general form's questions; bad input is explained and answered questions are kept.</summary>
public abstract class FormEditorTests(CohortApp app)
{
    [Fact]
    public async Task A_choice_question_needs_two_choices_and_once_added_is_audited_and_listed_last()
    {
        var key = $"pronouns-{Guid.NewGuid():N}"[..20];
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync("/admin/forms/general/questions/new");
        var values = new Dictionary<string, string> { ["Input.Key"] = key, ["Input.Prompt"] = "<b>Which</b> track?", ["Input.Kind"] = "SingleChoice", ["Input.ChoicesText"] = "Only one" };

        var refused = await admin.SubmitAsync(form, "#question", values);
        values["Input.ChoicesText"] = "Empirical\nTheory";
        var added = await admin.SubmitAsync(refused, "#question", values);

        Assert.Contains("at least two choices", refused.Text, StringComparison.Ordinal);
        Assert.Contains($"Saved the question “{key}”", added.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("<b>Which</b> track?", added.All("tbody tr").Last().QuerySelector("th")!.TextContent);
        var question = await app.WithDbAsync(db => db.ApplicationForms.SelectMany(f => f.Questions).SingleAsync(q => q.Key == key));
        Assert.Equal(["Empirical", "Theory"], question.Choices);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "question.created" && e.Subject == $"question:{key}")));
    }

    [Fact]
    public async Task Only_one_choice_question_of_the_form_can_be_the_research_area()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync("/admin/forms/general/questions/new");
        var key = $"area-{Guid.NewGuid():N}"[..20];
        var text = new Dictionary<string, string> { ["Input.Key"] = key, ["Input.Prompt"] = "Your field?", ["Input.Kind"] = "ShortText", ["Input.DefinesTopic"] = "true" };
        var choice = new Dictionary<string, string>(text) { ["Input.Kind"] = "SingleChoice", ["Input.ChoicesText"] = "Theory\nPractice" };

        var notChoice = await admin.SubmitAsync(form, "#question", text);
        var second = await admin.SubmitAsync(form, "#question", choice);
        var interests = await app.WithDbAsync(db => db.ApplicationForms.SelectMany(f => f.Questions).SingleAsync(q => q.DefinesTopic));
        var edit = await admin.GetAsync($"/admin/forms/general/questions/{interests.Id}/edit");

        Assert.Contains("Only a single or multiple choice question can be the research area", notChoice.Text, StringComparison.Ordinal);
        Assert.Contains("“interests” is already the research-area question", second.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ApplicationForms.SelectMany(f => f.Questions).AnyAsync(q => q.Key == key)));
        Assert.NotNull(edit.One("input[name='Input.DefinesTopic'][checked]"));
    }

    [Fact]
    public async Task Only_a_written_question_that_is_no_identity_field_can_be_part_of_the_research_statement()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync("/admin/forms/general/questions/new");
        var key = $"agenda-{Guid.NewGuid():N}"[..20];
        var essay = new Dictionary<string, string> { ["Input.Key"] = key, ["Input.Prompt"] = "Your research agenda?", ["Input.Kind"] = "LongText", ["Input.IsResearchStatement"] = "true" };
        var choice = new Dictionary<string, string>(essay) { ["Input.Kind"] = "SingleChoice", ["Input.ChoicesText"] = "Theory\nPractice" };
        var identity = new Dictionary<string, string>(essay) { ["Input.Identity"] = nameof(IdentityFlag.Organisation) };

        var notWritten = await admin.SubmitAsync(form, "#question", choice);
        var identifying = await admin.SubmitAsync(form, "#question", identity);
        var added = await admin.SubmitAsync(form, "#question", essay);

        const string refusal = "Only a short or long text question that is not an identity field can be part of the research statement";
        Assert.Contains(refusal, notWritten.Text, StringComparison.Ordinal);
        Assert.Contains(refusal, identifying.Text, StringComparison.Ordinal);
        Assert.Contains($"Saved the question “{key}”", added.One(".notice")!.TextContent, StringComparison.Ordinal);
        var question = await app.WithDbAsync(db => db.ApplicationForms.SelectMany(f => f.Questions).SingleAsync(q => q.Key == key));
        Assert.True(question.IsResearchStatement);
        var edit = await admin.GetAsync($"/admin/forms/general/questions/{question.Id}/edit");
        Assert.NotNull(edit.One("input[name='Input.IsResearchStatement'][checked]"));
    }

    [Fact]
    public async Task The_grace_period_is_saved_and_audited_but_a_window_closing_before_it_opens_is_refused()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync("/admin/forms/general");

        var refused = await admin.SubmitAsync(form, "#form-settings", new Dictionary<string, string> { ["Input.ClosesAt"] = "2000-01-01T00:00", ["Input.GraceMinutes"] = "45" });
        var saved = await admin.SubmitAsync(form, "#form-settings", new Dictionary<string, string> { ["Input.GraceMinutes"] = "45" });

        Assert.Contains("Closes (UTC) must be after Opens (UTC)", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Saved the form", saved.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(45, await app.WithDbAsync(db => db.ApplicationForms.Where(f => f.Kind == FormKind.General).Select(f => f.GraceMinutes).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "form.updated" && e.Details.Contains("GraceMinutes"))));
    }

    [Fact]
    public async Task An_answered_question_cannot_be_deleted()
    {
        await app.AddApplicantAsync(ApplicationState.Submitted);
        var answered = await app.WithDbAsync(db => db.ApplicationForms.SelectMany(f => f.Questions).SingleAsync(q => q.Identity == IdentityFlag.DateOfBirth));
        using var admin = await app.AsAsync(Roles.Admin);

        var refused = await admin.PostAsAsync("/admin/forms/general?handler=Delete", new Dictionary<string, string> { ["id"] = answered.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(302, refused.Status);
        Assert.True(await app.WithDbAsync(db => db.ApplicationForms.SelectMany(f => f.Questions).AnyAsync(q => q.Id == answered.Id)));
    }
}

public sealed class FormEditorOnSqlite(SqliteApp app) : FormEditorTests(app), IClassFixture<SqliteApp>;

public sealed class FormEditorOnPostgres(PostgresApp app) : FormEditorTests(app), IClassFixture<PostgresApp>;
