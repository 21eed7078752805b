using System.Collections.Concurrent;
using Cohort.Core.Data;

namespace Cohort.Tests.Shared;

/// <summary>
/// Seeded databases made once a test process and copied for each fixture. Migrating and seeding the demo costs
/// seconds (its activity, last season and programme included, some fifteen on a 2-core machine), and hundreds of
/// fixtures start from the same seeded state; a copy costs milliseconds. The template is written by the same code a
/// fixture would run (<c>build</c>), so each copy is the database that fixture would have seeded itself.
/// </summary>
public static class DatabaseTemplates
{
    private static readonly ConcurrentDictionary<(DatabaseProvider Provider, string Key), Lazy<Task<TestDatabase>>> Templates = new();

    // PostgreSQL refuses to copy a template while another CREATE DATABASE reads it, so copies are made one at a time.
    private static readonly SemaphoreSlim Copying = new(1, 1);

    static DatabaseTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplates();

    /// <summary>
    /// A new database holding what <paramref name="build"/> writes into an empty one. The first call for a provider
    /// and <paramref name="key"/> builds the template; the key must name everything <paramref name="build"/> depends on.
    /// </summary>
    public static async Task<TestDatabase> CopyAsync(DatabaseProvider provider, string key, Func<TestDatabase, Task> build)
    {
        var copy = TestDatabase.Create(provider);
        await CopyIntoAsync(copy, key, build);
        return copy;
    }

    /// <summary>Makes the empty <paramref name="target"/> hold what <paramref name="build"/> writes, as <see cref="CopyAsync"/> does.</summary>
    public static async Task CopyIntoAsync(TestDatabase target, string key, Func<TestDatabase, Task> build)
    {
        var template = await Templates.GetOrAdd((target.Provider, key), _ => new(() => BuildAsync(target.Provider, build))).Value;
        await Copying.WaitAsync();
        try
        {
            await target.CopyFromAsync(template);
        }
        finally
        {
            Copying.Release();
        }
    }

    private static async Task<TestDatabase> BuildAsync(DatabaseProvider provider, Func<TestDatabase, Task> build)
    {
        var template = TestDatabase.Create(provider);
        await build(template);
        return template;
    }

    // Best effort at exit: ./test.sh throws its PostgreSQL cluster away anyway, but a developer's server keeps going.
    private static void DropTemplates()
    {
        foreach (var template in Templates.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
        {
            template.Value.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        }
    }
}
