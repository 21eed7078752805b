using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Operations;

/// <summary>Every start-up check of every settings section, run as the web host runs them before it starts.</summary>
internal static class SettingsCheck
{
    private const string Fix = "set it in the environment Cohort runs with: the setting A:B is the variable A__B (e.g. Cohort__PublicBaseUrl).";

    public static IEnumerable<Finding> Run(IServiceProvider services)
    {
        IReadOnlyList<string> failures;
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            failures = [];
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException)
        {
            failures = e is AggregateException all
                ? all.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures).ToList()
                : ((OptionsValidationException)e).Failures.ToList();
        }

        return failures.Count == 0
            ? [new Finding(Verdict.Ok, "settings", "every setting the web app checks at start is valid.")]
            : failures.Select(failure => new Finding(Verdict.Problem, "settings", failure, Fix));
    }
}
