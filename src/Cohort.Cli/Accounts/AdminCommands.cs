using System.CommandLine;
using System.Security.Cryptography;
using Cohort.Cli.Hosting;
using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Accounts;

/// <summary>`cohort admin create`: how an operator gets the first admin on a production install, which seeds no accounts.</summary>
internal static class AdminCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The admin's email address (their sign-in name)", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (default: the email)" };
        var password = new Option<string?>("--password")
        {
            Description = "Password; prefer COHORT_ADMIN_PASSWORD in the environment, which stays out of shell history. Without either, a strong one is generated and printed.",
        };
        var create = new Command("create", "Create an admin account") { email, name, password };
        create.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var address = parse.GetValue(email)!.Trim();
            var given = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("COHORT_ADMIN_PASSWORD");
            var secret = string.IsNullOrEmpty(given) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)) : given;
            var result = await services.GetRequiredService<CreateAccount>()
                .RunAsync(address, secret, parse.GetValue(name) ?? address, Roles.Admin, Actor.CommandLine);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync($"cohort: could not create {address}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                return 2;
            }

            Console.WriteLine(string.IsNullOrEmpty(given) ? $"Created admin {address} with password: {secret}" : $"Created admin {address}.");
            await PrintAuthenticatorKeyAsync(services.GetRequiredService<UserManager<CohortUser>>(), address);
            return 0;
        }));
        return new Command("admin", "Accounts with the Admin role") { create };
    }

    /// <summary>
    /// Gives the new admin an authenticator key now, so the operator can hand it over with the password. Two-step
    /// sign-in turns on when the admin first confirms a code from it, on the page every admin page sends them to.
    /// </summary>
    private static async Task PrintAuthenticatorKeyAsync(UserManager<CohortUser> users, string address)
    {
        var user = await users.FindByEmailAsync(address) ?? throw new InvalidOperationException($"The account {address} was not saved.");
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.");
        Console.WriteLine($"Authenticator key (two-step sign-in): {Authenticator.Readable(key)}");
        Console.WriteLine($"Authenticator URI: {Authenticator.EnrolmentUri(address, key)}");
        Console.WriteLine("Add the key to an authenticator app; before the first admin page, Cohort asks for a code from it to turn two-step sign-in on.");
    }
}
