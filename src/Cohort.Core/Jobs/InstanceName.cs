namespace Cohort.Core.Jobs;

/// <summary>How a process names itself in the leases it takes (jobs, outbox batches), so an admin can tell which server did what.</summary>
public static class InstanceName
{
    /// <summary>Machine, process id and a random part: two hosts in one process (as in tests) still differ.</summary>
    public static string New()
    {
        var machine = Environment.MachineName;
        return $"{(machine.Length <= 40 ? machine : machine[..40])}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }
}
