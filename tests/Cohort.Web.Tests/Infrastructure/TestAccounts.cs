using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Infrastructure;

public sealed record TestAccount(string Id, string Email, string Password);

public static class TestAccounts
{
    public const string Password = "a long enough passphrase";

    /// <summary>A fresh account with a confirmed address and <paramref name="role"/>, made as `cohort admin create` makes one.</summary>
    public static async Task<TestAccount> NewAccountAsync(this CohortApp app, string role = Roles.Applicant)
    {
        var email = $"person-{Guid.NewGuid():N}@example.net";
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, "Test Person", role, Actor.System);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return new TestAccount(user.Id, email, Password);
    }

    /// <summary>A reset token for <paramref name="email"/>, as the forgot-password mail carries it.</summary>
    public static async Task<string> ResetTokenAsync(this CohortApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>();
        return await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>Opens the reset link for <paramref name="email"/> and sets <paramref name="password"/>; returns the answer.</summary>
    public static async Task<Browser.Page> ResetPasswordAsync(this CohortApp app, Browser browser, string email, string password)
    {
        var token = await app.ResetTokenAsync(email);
        var form = await browser.GetAsync($"/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");
        return await browser.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Password"] = password });
    }
}
