using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.EndToEnd.Api;

/// <summary>
/// The season script of docs/api.md, taken from the page itself (so the page cannot drift from the API), run with bash,
/// curl and jq against the app on a real port: it imports the sample Google Forms export, advances every submitted
/// general application, reads the decisions back and the match; run again, its writes are replays that change nothing.
/// </summary>
public sealed class SeasonScriptTests : IAsyncLifetime
{
    private const string Marker = "<!-- season-script:";

    private readonly LiveCohortApp app = new();

    public async ValueTask InitializeAsync() => await app.StartAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task The_documented_script_imports_decides_and_reads_from_the_api_alone()
    {
        var folder = Directory.CreateTempSubdirectory("cohort-season-script-");
        var script = Path.Combine(folder.FullName, "run-season.sh");
        await File.WriteAllTextAsync(script, ScriptFromTheDocs());
        var csv = Path.Combine(folder.FullName, "applicants.csv");
        // The sample, less the older of its two rows for the same email (its README says so).
        await File.WriteAllTextAsync(csv, SampleFiles.Without(SampleFiles.Read(SampleFiles.GoogleForms), line: 2, nextLine: 4));
        var environment = new Dictionary<string, string>
        {
            ["COHORT_URL"] = app.Address.ToString().TrimEnd('/'),
            ["COHORT_TOKEN"] = await TokenAsync(),
        };

        var first = await Processes.RunAsync("bash", [script, csv], environment);
        var advanced = await AdvancedAsync();
        var second = await Processes.RunAsync("bash", [script, csv], environment);

        Assert.Contains("would create 3", first, StringComparison.Ordinal);
        Assert.Contains("created 3", first, StringComparison.Ordinal);
        Assert.Matches(@"advanced [1-9]\d*, skipped 0", first);
        Assert.Contains("Advanced:", first, StringComparison.Ordinal);
        Assert.Contains("4. The match", first, StringComparison.Ordinal);
        Assert.True(advanced >= 3);
        Assert.Contains("0 application(s) awaiting a decision", second, StringComparison.Ordinal);
        Assert.Equal(advanced, await AdvancedAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == "token:season-script" && e.Action == "applicants.imported")));
        folder.Delete(recursive: true);
    }

    /// <summary>The fenced block after the marker in docs/api.md.</summary>
    private static string ScriptFromTheDocs()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "api.md"));
        var start = page.IndexOf("```bash\n", page.IndexOf(Marker, StringComparison.Ordinal), StringComparison.Ordinal) + "```bash\n".Length;
        return page[start..page.IndexOf("\n```", start, StringComparison.Ordinal)] + "\n";
    }

    private async Task<string> TokenAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var expires = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(30));
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().RunAsync(Actor.CommandLine, "season-script",
            [ApiScopes.PeopleWrite, ApiScopes.DecisionsWrite, ApiScopes.ApplicationsRead, ApiScopes.MatchRead], expires);
        return created.Secret ?? throw new InvalidOperationException(created.Problem);
    }

    private Task<int> AdvancedAsync() =>
        app.WithDbAsync(db => db.Applications.CountAsync(a => a.Form!.Kind == FormKind.General && a.State == ApplicationState.Advanced));
}
