using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cohort.Tests.Shared;

/// <summary>
/// Seeds a template database (<see cref="DatabaseTemplates"/>) the way a test's app would seed its own: the app,
/// configured as the test configures it but over the template, is started once (its start migrates and seeds) and
/// stopped, so nothing is left connected to the template.
/// </summary>
public static class AppSeeding
{
    /// <summary>Starts the app that <paramref name="configure"/> sets up over <paramref name="template"/>'s connection, then stops it.</summary>
    public static async Task SeedByStartingAsync(TestDatabase template, Action<IWebHostBuilder, string> configure)
    {
        await using var app = new ConfiguredApp(builder => configure(builder, template.Connection));
        _ = app.Server;
    }

    /// <summary>A template's key: what the seed depends on, the settings the app is given among them.</summary>
    public static string Key(string app, IEnumerable<KeyValuePair<string, string>> settings) =>
        $"{app}: " + string.Join("; ", settings.Select(s => $"{s.Key}={s.Value}"));

    private sealed class ConfiguredApp(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }
}
