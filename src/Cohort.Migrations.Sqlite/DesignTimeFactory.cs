using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cohort.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for this provider without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CohortDbContext>
{
    public CohortDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CohortDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new CohortDbContext(builder.Options);
    }
}
