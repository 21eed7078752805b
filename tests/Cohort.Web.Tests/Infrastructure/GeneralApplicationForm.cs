using System.Net.Http.Headers;
using Cohort.Tests.Shared;

namespace Cohort.Web.Tests.Infrastructure;

/// <summary>The demo season's stage 1 form as an applicant fills it in: every answer, and the multipart post with a CV.</summary>
public static class GeneralApplicationForm
{
    /// <summary>A valid answer to every question of the demo's general application but the CV.</summary>
    public static Dictionary<string, string> Complete(string name = "Stage One") => GeneralApplicationAnswers.Complete(name);

    /// <summary>Posts the whole application form as multipart, with a CV, through the named handler.</summary>
    public static async Task<Browser.Page> PostGeneralApplicationAsync(this Browser browser, string handler, Dictionary<string, string> fields, byte[]? cv)
    {
        var form = await browser.GetAsync("/apply/general");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (cv is not null)
        {
            var file = new ByteArrayContent(cv);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "q.cv", "my-cv.pdf");
        }

        return await browser.FollowAsync(await browser.Client.PostAsync($"/apply/general?handler={handler}", content), "/apply/general");
    }
}
