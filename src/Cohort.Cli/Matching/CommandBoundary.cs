namespace Cohort.Cli.Matching;

/// <summary>
/// Runs one matching command and turns its outcome into the contract's exit codes: 0 solved,
/// 2 invalid input, 3 infeasible. No exception escapes, so the user never sees a stack trace.
/// </summary>
internal static class CommandBoundary
{
    public const int Solved = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;
    public const int Infeasible = 3;

    public static int Run(Action<ProgressDisplay> body)
    {
        using var progress = new ProgressDisplay();
        try
        {
            body(progress);
            return Solved;
        }
        catch (InvalidInputException e)
        {
            return Fail(progress, InvalidInput, $"invalid input: {e.Message}");
        }
        catch (InfeasibleException e)
        {
            return Fail(progress, Infeasible, $"no feasible assignment: {e.Message}");
        }
        catch (OverflowException e)
        {
            return Fail(progress, InvalidInput, $"invalid input: numbers too large to solve exactly ({e.Message})");
        }
        catch (Exception e)
        {
            return Fail(progress, Failed, $"error: {e.Message}");
        }
    }

    private static int Fail(ProgressDisplay progress, int code, string message)
    {
        progress.Dispose();
        Console.Error.WriteLine(message);
        return code;
    }
}
