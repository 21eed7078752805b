using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Pipeline;

/// <summary>An applicant with a general application in a chosen state, put straight into the app's database.</summary>
public sealed record SeededApplicant(int ApplicationId, string Email, string Password, int? FileId);

public static class PipelineData
{
    public const string Password = "a long enough passphrase";

    public static async Task<SeededApplicant> AddApplicantAsync(this CohortApp app, ApplicationState state,
        string name = "Pipeline Applicant", string dateOfBirth = "1999-04-02", string motivation = "Careful experiments.", bool withCv = false)
    {
        var email = $"pipeline-{Guid.NewGuid():N}@example.net";
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, name, Roles.Applicant, Actor.System);
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var applicantId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        var form = await db.ApplicationForms.Include(f => f.Questions).SingleAsync(f => f.Kind == FormKind.General);
        var application = new Application { FormId = form.Id, ApplicantId = applicantId, State = state, SubmittedAt = state == ApplicationState.Draft ? null : DateTime.UtcNow };
        application.Answers.Add(new Answer { QuestionId = form.Questions.Single(q => q.Identity == IdentityFlag.DateOfBirth).Id, Value = dateOfBirth });
        application.Answers.Add(new Answer { QuestionId = form.Questions.First(q => q.Kind == QuestionKind.LongText).Id, Value = motivation });
        StoredFile? cv = null;
        if (withCv)
        {
            cv = new StoredFile { OwnerId = applicantId, FileName = "cv.pdf", ContentType = "application/pdf", Content = "%PDF-1.7 cv"u8.ToArray(), Length = 11 };
            application.Answers.Add(new Answer { QuestionId = form.Questions.Single(q => q.Kind == QuestionKind.File).Id, Value = cv.FileName, File = cv });
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return new(application.Id, email, Password, cv?.Id);
    }

    /// <summary>Ticks the rows of <paramref name="ids"/> in a pipeline table's decision form.</summary>
    public static Browser.Page Tick(this Browser.Page table, params int[] ids)
    {
        foreach (var id in ids)
        {
            table.One($"#decide input[name=ids][value='{id}']")!.SetAttribute("checked", "checked");
        }

        return table;
    }

    public static Task<ApplicationState> StateAsync(this CohortApp app, int applicationId) =>
        app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.State).SingleAsync());

    /// <summary>Posts <paramref name="values"/> to <paramref name="action"/> with the antiforgery token of a form the browser's user may see.</summary>
    public static async Task<Browser.Page> PostAsAsync(this Browser browser, string action, IReadOnlyDictionary<string, string> values)
    {
        var home = await browser.GetAsync("/");
        var form = home.One("form[action='/account/sign-out']")!;
        form.SetAttribute("action", action);
        return await browser.SubmitAsync(home, "form[action='" + action + "']", values, follow: false);
    }

    /// <summary>Points the form at one of its page's handlers, as pressing a button with asp-page-handler would.</summary>
    public static Browser.Page WithHandler(this Browser.Page page, string selector, string handler)
    {
        var form = page.One(selector)!;
        var action = form.GetAttribute("action") is { Length: > 0 } set ? set : page.Url;
        form.SetAttribute("action", $"{action}{(action.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}");
        return page;
    }
}
