namespace Cohort.Demo;

/// <summary>
/// Where the demo may be seeded: its accounts' passwords are published (README, console), so only on a developer's
/// machine (Development) and in the tests' own environment, never where real people apply. The web host's start-up
/// check and `cohort seed demo` both ask here.
/// </summary>
public static class DemoSeedPolicy
{
    /// <summary>The environment the tests run in; like Development, it may seed the demo.</summary>
    public const string TestingEnvironment = "Testing";

    public static bool Allows(string environmentName) =>
        string.Equals(environmentName, "Development", StringComparison.OrdinalIgnoreCase)
        || string.Equals(environmentName, TestingEnvironment, StringComparison.OrdinalIgnoreCase);

    /// <summary>The problem with <c>Cohort:SeedDemo</c> in this environment, if any: the web host refuses to start on it, and `cohort doctor` reports it.</summary>
    public static IEnumerable<string> SettingProblems(bool seedDemo, string environmentName)
    {
        if (seedDemo && !Allows(environmentName))
        {
            yield return $"Cohort:SeedDemo is true in the {environmentName} environment; the demo accounts' passwords are published, " +
                         "so the demo is seeded only in Development. Set Cohort:SeedDemo to false.";
        }
    }
}
