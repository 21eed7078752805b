using Cohort.Core.Configuration;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Operations;

/// <summary>
/// `cohort doctor`: the settings, the database, the SMTP server and the data-protection keys, each checked as the web
/// app would meet them, and each finding with its fix. A check whose settings are wrong says so and is not attempted.
/// The services come from a host that registered every settings section the web app checks at start.
/// </summary>
public sealed class CheckUp(IServiceProvider services, TimeProvider clock)
{
    public async IAsyncEnumerable<Finding> RunAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        foreach (var finding in SettingsCheck.Run(services))
        {
            yield return finding;
        }

        var database = await Attempt("database", () => DatabaseCheck.RunAsync(
            services.GetRequiredService<CohortDbContext>(), services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider,
            services.GetRequiredService<DatabaseMigrator>(), cancellation));
        yield return database;

        yield return await Attempt("mail", () => MailCheck.RunAsync(services.GetRequiredService<IOptions<MailOptions>>().Value, cancellation));

        yield return database.Verdict == Verdict.Problem
            ? new Finding(Verdict.Warning, "keys", "not checked: they are kept in the database, which has a problem (above).")
            : await Attempt("keys", () => KeyCheck.RunAsync(
                services.GetRequiredService<CohortDbContext>(), KeyCertificate.Settings(services.GetRequiredService<IConfiguration>()), clock, cancellation));
    }

    /// <summary>A check that cannot start because its settings are invalid is reported, not thrown: the settings line says why.</summary>
    private static async Task<Finding> Attempt(string check, Func<Task<Finding>> run)
    {
        try
        {
            return await run();
        }
        catch (OptionsValidationException e)
        {
            return new Finding(Verdict.Problem, check, $"not checked: its settings are invalid ({FirstLine(e.Message)}).", "fix the settings reported above.");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim().TrimEnd('.');
}
