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
}
