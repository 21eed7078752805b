using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// Base of the reviewer-assignment tests: each test starts from an empty pool, with no rounds and every earlier
/// application withdrawn, and assigns as the same admin.
/// </summary>
public abstract class ReviewPoolTests(CoreServicesFixture core) : IAsyncLifetime
{
    protected static readonly Actor Admin = new("admin-id", "admin@example.net");

    protected CoreServicesFixture Core { get; } = core;

    public async ValueTask InitializeAsync() => await DbAsync(async db =>
    {
        await ReviewPool.ResetAsync(db);
        return 0;
    });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected Task<T> DbAsync<T>(Func<CohortDbContext, Task<T>> work) => Core.RunAsync(work);

    protected Task<AssignOutcome> AssignAsync(int round) => Core.RunAsync<AssignReviewers, AssignOutcome>(a => a.RunAsync(Admin, round));

    protected Task<List<ReviewAssignment>> AssignmentsAsync(int round) => DbAsync(db => ReviewPool.AssignmentsAsync(db, round));
}
