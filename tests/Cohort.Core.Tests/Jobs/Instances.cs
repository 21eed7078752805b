using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Jobs;

/// <summary>Two instances of Cohort's services over one database and one clock, as two web servers behind a proxy.</summary>
public sealed class Instances(CoreServicesFixture core)
{
    private readonly ServiceProvider second = core.NewInstance();

    public JobRunner First => core.Services.GetRequiredService<JobRunner>();

    public JobRunner Second => second.GetRequiredService<JobRunner>();

    /// <summary>The second instance's services, for a test that runs a job itself on both.</summary>
    public IServiceProvider SecondServices => second;

    /// <summary>Both instances look for due jobs at the same moment; how many jobs each ran.</summary>
    public async Task<(int First, int Second)> BothLookAsync()
    {
        var ran = await Task.WhenAll(Task.Run(() => First.RunDueAsync(CancellationToken.None)), Task.Run(() => Second.RunDueAsync(CancellationToken.None)));
        return (ran[0], ran[1]);
    }

    /// <summary>Sets the shared clock to <paramref name="at"/> (UTC), then both instances look.</summary>
    public async Task LookAtAsync(DateTime at)
    {
        core.Clock.Now = new DateTimeOffset(at, TimeSpan.Zero);
        await BothLookAsync();
    }

    public Task<ScheduledJob> RowAsync(string name) =>
        core.RunAsync<CohortDbContext, ScheduledJob>(db => db.ScheduledJobs.AsNoTracking().SingleAsync(j => j.Name == name));
}
