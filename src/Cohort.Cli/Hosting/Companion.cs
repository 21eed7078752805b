using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Cohort.Cli.Matching;
using Cohort.Cli.Review;

namespace Cohort.Cli.Hosting;

/// <summary>
/// The published <c>cohort</c> is a native (AOT) executable holding the matching commands, so that a
/// run spends its time on the instance and not on starting the JIT. The database commands need EF
/// Core, which native AOT cannot compile (migrations and the model are built by reflection at run
/// time), so the publish puts a full .NET build of this same program next to it, in
/// <c>database/cohort</c>, and the native one becomes it (exec: same process, arguments, streams and
/// exit code) for every command but <c>match</c>, <c>reviewers</c> and <c>calibrate</c>. <c>dotnet build</c> output
/// keeps all commands in process. See docs/decisions/cli.md.
/// </summary>
internal static class Companion
{
    private const string Switch = "Cohort.Cli.DatabaseCommandsInProcess";

    /// <summary>Where the full build lies, relative to the native executable.</summary>
    public const string RelativePath = "database/cohort";

    /// <summary>
    /// False only in the native executable, where the publish sets the switch; the AOT compiler then
    /// drops the database commands and everything they reach.
    /// </summary>
    [FeatureSwitchDefinition(Switch)]
    public static bool DatabaseCommandsInProcess => !AppContext.TryGetSwitch(Switch, out bool inProcess) || inProcess;

    /// <summary>Whether the native executable runs the command these arguments name itself: those that need no database.</summary>
    public static bool RunsNatively(string[] args) => MatchingCommands.Handles(args) || CalibrateCommand.Handles(args);

    /// <summary>Replaces this process by the full build with the same arguments; returns only if that fails.</summary>
    public static int Become(string[] args)
    {
        string path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        var argv = new nint[args.Length + 2];
        argv[0] = Marshal.StringToCoTaskMemUTF8(path);
        for (int i = 0; i < args.Length; i++)
        {
            argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
        }

        Console.Out.Flush();
        Execv(argv[0], argv);
        int errno = Marshal.GetLastPInvokeError();
        Console.Error.WriteLine($"cohort: cannot start {path}, which runs the database commands ({Marshal.GetPInvokeErrorMessage(errno)}); publish cohort again with `dotnet publish src/Cohort.Cli -c Release -r linux-x64 -o DIR`.");
        return 1;
    }

    [DllImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static extern int Execv(nint path, nint[] argv);
}
