using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>What a new applicant does in the browser before anyone else can act on their application.</summary>
public static class ApplicantSteps
{
    public const string Password = "an applicant's long passphrase";

    /// <summary>From the home page's call to action: creates the account, confirms it from the mail, and signs in.</summary>
    public static async Task SignUpFromHomeAsync(Journey journey, string name, string email)
    {
        await journey.GoAsync("/");
        await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Link, new() { Name = "Create an account to apply" }));
        await journey.SignUpAsync(name, email, Password);
    }

    /// <summary>From the portal: answers every question of the demo's general application, uploads a CV, and submits.</summary>
    public static async Task SubmitGeneralApplicationAsync(Journey journey, string name)
    {
        await journey.FollowAsync(journey.Main.GetByRole(AriaRole.Link, new() { Name = "General application" }));
        var page = journey.Page;
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Date of birth").FillAsync("1996-05-14");
        await page.GetByLabel("Where will you be based during the programme?").FillAsync("Lisbon");
        await page.GetByLabel("Student", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Interpretability", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why do you want to do AI safety research, and why now?").FillAsync(
            "I have spent two years probing language models and want to turn that into careful, published research.");
        await page.GetByLabel("A link to work you are proud of (a repository, paper or post)").FillAsync("https://example.org/probing-notes");
        await page.GetByLabel("Your CV").SetInputFilesAsync(new FilePayload
        {
            Name = "cv.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n% A journey's CV\n%%EOF\n"u8.ToArray(),
        });
        await journey.CaptureAsync("07-general-application");
        await journey.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }));
        await journey.ExpectAtAsync("/portal$");
        await Expect(page.Locator("[data-application=general] [data-state]")).ToHaveTextAsync("Submitted");
    }
}
