using Cohort.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cohort.Core.Operations;

/// <summary>The database the settings name, as operations commands need it: its file or server, said without the password.</summary>
internal static class ConfiguredDatabase
{
    /// <summary>The SQLite file the connection string names, as a full path.</summary>
    public static string SqlitePath(CohortDbContext db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

    public static NpgsqlConnectionStringBuilder Postgres(CohortDbContext db) => new(db.Database.GetConnectionString());

    /// <summary>Where the database is, for a person: the file, or the database and its server. Never the password.</summary>
    public static string Describe(CohortDbContext db, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return $"the SQLite database {SqlitePath(db)}";
        }

        var postgres = Postgres(db);
        return $"the PostgreSQL database {postgres.Database ?? postgres.Username} on {postgres.Host}:{postgres.Port}";
    }
}
