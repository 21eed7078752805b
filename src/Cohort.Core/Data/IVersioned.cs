namespace Cohort.Core.Data;

/// <summary>
/// An entity edited by people who may collide. The app increments <see cref="Version"/> on every save and
/// EF checks it as a concurrency token, because database row versions do nothing on SQLite.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
