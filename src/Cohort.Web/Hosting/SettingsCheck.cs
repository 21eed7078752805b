using Microsoft.Extensions.Options;

namespace Cohort.Web.Hosting;

public static class SettingsCheck
{
    /// <summary>
    /// Runs every start-up check of every settings section now, before the database is touched. Each problem is
    /// printed on a line of its own, naming the setting, with no stack trace; the caller then exits non-zero.
    /// </summary>
    public static bool SettingsAreValid(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException)
        {
            var failures = e is AggregateException all
                ? all.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures)
                : ((OptionsValidationException)e).Failures;
            foreach (var failure in failures)
            {
                Console.Error.WriteLine($"Cohort cannot start: {failure}");
            }

            return false;
        }
    }
}
