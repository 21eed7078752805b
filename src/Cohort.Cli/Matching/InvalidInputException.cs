namespace Cohort.Cli.Matching;

/// <summary>The instance is not valid; the message names the offending field or id (exit code 2).</summary>
internal sealed class InvalidInputException(string message) : Exception(message);

/// <summary>The instance is valid but has no feasible solution; the message says why (exit code 3).</summary>
internal sealed class InfeasibleException(string message) : Exception(message);
