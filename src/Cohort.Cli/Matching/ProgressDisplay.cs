using System.Diagnostics;

namespace Cohort.Cli.Matching;

/// <summary>
/// Shows the current stage and elapsed time on standard error, but only when standard error is
/// a terminal and only once a run has lasted a second: short runs and logs stay clean.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private string _stage = "starting";
    private bool _shown;
    private bool _disposed;

    public ProgressDisplay()
    {
        if (!Console.IsErrorRedirected)
        {
            _timer = new Timer(_ => Render(), null, Delay, Interval);
        }
    }

    public void Stage(string stage)
    {
        lock (_gate)
        {
            _stage = stage;
        }
    }

    private void Render()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Console.Error.Write($"\r\u001b[2K{_stage}... {_clock.Elapsed.TotalSeconds:0.0} s");
            _shown = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            if (_shown)
            {
                Console.Error.Write("\r\u001b[2K");
            }
        }
    }
}
