using System.Text.RegularExpressions;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Authorization;

/// <summary>
/// The authorization matrix: every case the app maps (<see cref="EndpointCase"/>) tried by every <see cref="Persona"/>
/// against real objects of someone else's (<see cref="Targets"/>), each answer checked against the one row
/// <see cref="AuthorizationTable"/> declares for it. It replaces the sweep that tried only anonymous requests.
/// </summary>
public abstract partial class AuthorizationMatrixTests(MatrixApp app)
{
    private const string SignOut = "POST /account/sign-out";

    private IReadOnlyList<EndpointCase> Cases => EndpointCase.Of(app.Services);

    private static readonly Dictionary<string, Row> Rows = AuthorizationTable.Rows.ToDictionary(r => r.Case);

    [Fact]
    public void Every_endpoint_handler_and_post_has_exactly_one_row_and_every_row_names_one()
    {
        var cases = Cases.ToDictionary(c => c.Key);
        var rows = AuthorizationTable.Rows.Select(r => r.Case).ToList();
        var problems = cases.Values.Where(c => !rows.Contains(c.Key))
            .Select(c => $"no row for {c.Key}{(c.Parameters.Count == 0 ? "" : $" (route values: {string.Join(", ", c.Parameters)})")}")
            .Concat(rows.Where(r => !cases.ContainsKey(r)).Select(r => $"a row for {r}, which the app no longer maps"))
            .Concat(rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => $"{g.Count()} rows for {g.Key}"))
            .ToList();

        Assert.True(problems.Count == 0, "The authorization table (Authorization/AuthorizationTable.cs) is out of step with the app:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Only_the_cases_the_table_opens_to_anonymous_allow_anonymous_access()
    {
        var disagreements = Cases.Where(c => Rows.TryGetValue(c.Key, out var row) && c.AllowsAnonymous != row.IsPublic)
            .Select(c => c.AllowsAnonymous ? $"{c.Key} allows anonymous access, but its row sends anonymous to sign in" : $"{c.Key} requires sign-in, but its row opens it to anonymous")
            .ToList();

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    [Fact]
    public async Task Every_persona_gets_what_the_table_declares_and_changes_nothing_of_the_owners()
    {
        var world = await app.WorldAsync();
        // Reads before changes, and signing out last, so no POST of a persona changes what its later cases find.
        var cases = Cases.Where(c => Rows.ContainsKey(c.Key)).OrderBy(c => c.Key == SignOut ? 2 : c.IsPost ? 1 : 0).ToList();
        var wrong = new List<string>();
        var before = await world.OwnerSnapshotAsync();
        foreach (var (persona, browser) in world.Personas)
        {
            if (persona == Persona.Admin && await world.OwnerSnapshotAsync() is var after && after != before)
            {
                wrong.Add($"the personas before the admin changed what the owner holds; before:\n{before}\nafter:\n{after}");
            }

            wrong.AddRange(await TryEveryCaseAsync(persona, browser, world.Targets, cases));
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from the table:\n" + string.Join('\n', wrong));
    }

    /// <summary>Sends every case as <paramref name="persona"/>; returns where the answer's outcome is not the row's.</summary>
    private static async Task<List<string>> TryEveryCaseAsync(Persona persona, Browser browser, Targets targets, IReadOnlyList<EndpointCase> cases)
    {
        var wrong = new List<string>();
        var token = await TokenAsync(browser);
        foreach (var endpoint in cases)
        {
            var row = Rows[endpoint.Key];
            var values = row.Values(targets);
            if (values.Length != endpoint.Parameters.Count)
            {
                wrong.Add($"{endpoint.Key}: its row gives {values.Length} route values, the route takes {endpoint.Parameters.Count} ({string.Join(", ", endpoint.Parameters)})");
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint, values, row.Query));
            if (endpoint.IsPost && endpoint.Key.Contains(" /api/v1/", StringComparison.Ordinal))
            {
                // The token API reads JSON only: routing answers a form with 415 before any token is asked for.
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }
            else if (endpoint.IsPost)
            {
                // The admin's forms are empty, so they fail validation: the admin is shown to be let in without changing the season.
                request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. persona == Persona.Admin ? [] : targets.HostileFields]);
            }

            using var response = await browser.Client.SendAsync(request);
            if (Outcomes.Of(response) is var outcome && outcome != row.For(persona))
            {
                wrong.Add($"{endpoint.Key} as {persona}: the table says {row.For(persona)}, the app answered {outcome?.ToString() ?? "outside every class"} "
                    + $"({(int)response.StatusCode} {response.Headers.Location})");
            }
        }

        return wrong;
    }

    /// <summary>The case's address: its route with each parameter replaced, in order, by the value its row gives, then the handler and the row's query.</summary>
    private static string Url(EndpointCase endpoint, string[] values, string query)
    {
        var next = 0;
        var path = RouteParameter().Replace(endpoint.Route, _ => Uri.EscapeDataString(values[next++]));
        var parameters = string.Join('&', new[] { endpoint.Handler is null ? "" : $"handler={endpoint.Handler}", query }.Where(p => p.Length > 0));
        return parameters.Length == 0 ? path : $"{path}?{parameters}";
    }

    /// <summary>
    /// A valid antiforgery token of the persona's own session, from the first page that offers a form (signed in, the
    /// sign-out form every page has). Tokens are per session, not per form, so one token serves every POST, and a POST
    /// refused for want of it would answer 400, which no outcome class accepts.
    /// </summary>
    private static async Task<string> TokenAsync(Browser browser)
    {
        foreach (var url in new[] { "/", "/account/sign-in" })
        {
            if ((await browser.GetAsync(url)).One("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException("No page offered an antiforgery token.");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}

public sealed class AuthorizationMatrixOnSqlite(SqliteMatrixApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteMatrixApp>;

public sealed class AuthorizationMatrixOnPostgres(PostgresMatrixApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresMatrixApp>;
