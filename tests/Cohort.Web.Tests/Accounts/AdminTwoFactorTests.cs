using Cohort.Core.Accounts;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Accounts;

/// <summary>With Cohort:RequireAdminTwoFactor (on outside Development), no admin page opens to an admin without two-step sign-in.</summary>
public abstract class AdminTwoFactorTests(ProductionSignInApp app)
{
    [Fact]
    public async Task An_admin_without_two_step_sign_in_is_sent_to_set_it_up_and_then_back()
    {
        var admin = await app.NewAccountAsync(Roles.Admin);
        using var browser = await app.AsAsync(admin.Email, admin.Password);

        var admins = await browser.GetAsync("/admin/outbox");
        var api = await browser.GetAsync("/api/admin/catalogue");
        var enrolment = await browser.OpenAsync("/admin/outbox");
        var done = await browser.SubmitAsync(enrolment, "#enable-two-factor", new Dictionary<string, string>
        {
            ["Password"] = admin.Password,
            ["Code"] = Totp.Code(enrolment.One("#authenticator-key")!.TextContent, app.Clock.Now),
        });
        var continued = await browser.GetAsync(done.One("#recovery-codes a.button")!.GetAttribute("href")!);

        Assert.Equal("/account/two-factor", admins.RedirectPath());
        Assert.Contains("returnUrl=%2Fadmin%2Foutbox", admins.Response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(403, api.Status);
        Assert.Contains("Admin pages need two-step sign-in", enrolment.Text, StringComparison.Ordinal);
        Assert.Equal("/admin/outbox", continued.Url);
        Assert.Equal(200, continued.Status);
        Assert.Equal(200, (await browser.GetAsync("/api/admin/catalogue")).Status);
    }

    [Fact]
    public async Task An_admin_with_two_step_sign_in_needs_the_code_to_sign_in_and_reach_admin_pages()
    {
        var (admin, key, _) = await app.NewAccountWithTwoFactorAsync(Roles.Admin);

        using var browser = app.NewBrowser();
        var passwordOnly = await browser.TrySignInAsync(admin.Email, admin.Password);
        var refused = await browser.GetAsync("/admin");
        var signedIn = await browser.SignInWithCodeAsync(admin.Email, admin.Password, Totp.Next(app.Clock, key));

        Assert.Equal("/account/sign-in/code", passwordOnly.RedirectPath());
        Assert.Equal("/account/sign-in", refused.RedirectPath());
        Assert.Equal(302, signedIn.Status);
        Assert.Equal(200, (await browser.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task Other_people_are_not_asked_for_two_step_sign_in()
    {
        var applicant = await app.NewAccountAsync();
        using var browser = await app.AsAsync(applicant.Email, applicant.Password);

        Assert.Equal(200, (await browser.GetAsync("/portal")).Status);
        Assert.Equal("/account/access-denied", (await browser.GetAsync("/admin")).RedirectPath());
    }
}

public sealed class AdminTwoFactorOnSqlite(ProductionSignInSqliteApp app) : AdminTwoFactorTests(app), IClassFixture<ProductionSignInSqliteApp>;

public sealed class AdminTwoFactorOnPostgres(ProductionSignInPostgresApp app) : AdminTwoFactorTests(app), IClassFixture<ProductionSignInPostgresApp>;
