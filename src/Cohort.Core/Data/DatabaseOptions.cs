namespace Cohort.Core.Data;

/// <summary>Which database Cohort runs on (section "Database"); the connection string is "ConnectionStrings:Cohort".</summary>
public class DatabaseOptions
{
    public const string Section = "Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
