using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Hosting;

public sealed class ProductionLikeApp() : CohortApp(DatabaseProvider.Sqlite)
{
    protected override bool SeedDemo => false;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("environment", "Production");
    }
}

public sealed class RestartTests
{
    [Fact]
    public async Task A_second_start_keeps_the_data_and_signed_in_people_stay_signed_in()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        string cookie;
        await using (var first = new CohortApp(DatabaseProvider.Sqlite, database))
        {
            await first.InitializeAsync();
            using var admin = await first.AsAsync(Roles.Admin);
            cookie = string.Join("; ", (await admin.Client.GetAsync("/admin")).RequestMessage!.Headers.GetValues("Cookie"));
            await first.WithDbAsync(async db =>
            {
                var stream = await db.Streams.OrderBy(s => s.Id).FirstAsync();
                stream.Tagline = "Changed before the restart";
                return await db.SaveChangesAsync();
            });
        }

        await using var second = new CohortApp(DatabaseProvider.Sqlite, database);
        await second.InitializeAsync();

        Assert.Equal("Changed before the restart", await second.WithDbAsync(db => db.Streams.OrderBy(s => s.Id).Select(s => s.Tagline).FirstAsync()));
        Assert.Equal(1, await second.WithDbAsync(db => db.Seasons.CountAsync()));
        using var browser = second.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(200, (int)(await browser.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_production_start_seeds_no_season_and_no_account()
    {
        await using var app = new ProductionLikeApp();
        await app.InitializeAsync();

        Assert.Equal(0, await app.WithDbAsync(db => db.Seasons.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        using var browser = app.NewBrowser();
        Assert.Contains("No season has been published yet", (await browser.GetAsync("/")).Text, StringComparison.Ordinal);
    }
}
