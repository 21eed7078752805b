using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cohort.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for this provider; no server is contacted to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CohortDbContext>
{
    public CohortDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CohortDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=cohort_design;Username=postgres");
        return new CohortDbContext(builder.Options);
    }
}
