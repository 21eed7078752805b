using System.CommandLine;
using System.Globalization;
using Cohort.Cli.Hosting;
using Cohort.Core.Api;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Cli.Api;

/// <summary>`cohort token create|list|revoke`: the API's bearer tokens, for operators who script from a shell.</summary>
internal static class TokenCommands
{
    public static Command Create() => new("token", "Bearer tokens for /api/v1") { CreateCommand(), ListCommand(), RevokeCommand() };

    private static Command CreateCommand()
    {
        var name = new Option<string>("--name") { Description = "A unique name: letters, digits, '-', '_' and '.'", Required = true };
        var scope = new Option<string[]>("--scope")
        {
            Description = $"A scope, repeated or comma-separated: {string.Join(", ", ApiScopes.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var expires = new Option<string>("--expires") { Description = "The day (YYYY-MM-DD, UTC) from which the token stops working", Required = true };
        var create = new Command("create", "Create a token and print its secret, once") { name, scope, expires };
        create.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            var day = parse.GetValue(expires)!;
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
            {
                return await RefuseAsync($"--expires \"{day}\" is not a date written YYYY-MM-DD.");
            }

            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var created = await services.GetRequiredService<CreateApiToken>()
                .RunAsync(Actor.CommandLine, parse.GetValue(name)!, parse.GetValue(scope)!, expiry, cancellation);
            if (created.Problem is not null)
            {
                return await RefuseAsync(created.Problem);
            }

            Console.WriteLine($"Created token {created.Token!.Name} ({created.Token.Scopes.Replace(' ', ',')}), expiring {expiry:yyyy-MM-dd}.");
            Console.WriteLine("Its secret, shown this once (send it as `Authorization: Bearer <secret>`):");
            Console.WriteLine(created.Secret);
            return 0;
        }));
        return create;
    }

    private static Command ListCommand()
    {
        var list = new Command("list", "List the tokens: name, prefix, scopes, expiry, last use and state");
        list.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var tokens = await services.GetRequiredService<ApiTokenList>().ReadAsync(cancellation);
            if (tokens.Count == 0)
            {
                Console.WriteLine("No tokens.");
                return 0;
            }

            Console.WriteLine(string.Join('\t', "name", "prefix", "scopes", "expires", "last used", "state"));
            foreach (var token in tokens)
            {
                Console.WriteLine(string.Join('\t', token.Name, token.Prefix, token.Scopes.Replace(' ', ','),
                    token.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    token.LastUsedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never",
                    token.StateAt(now).ToString().ToLowerInvariant()));
            }

            return 0;
        }));
        return list;
    }

    private static Command RevokeCommand()
    {
        var name = new Argument<string>("name") { Description = "The token's name" };
        var revoke = new Command("revoke", "Revoke a token: its next request gets 401") { name };
        revoke.SetAction((parse, cancellation) => CliHost.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellation);
            var tokenName = parse.GetValue(name)!;
            if (await services.GetRequiredService<RevokeApiToken>().RunAsync(Actor.CommandLine, tokenName, cancellation) is { } problem)
            {
                return await RefuseAsync(problem);
            }

            Console.WriteLine($"Revoked token {tokenName}.");
            return 0;
        }));
        return revoke;
    }

    private static async Task<int> RefuseAsync(string problem)
    {
        await Console.Error.WriteLineAsync($"cohort token: {problem}");
        return 2;
    }
}
