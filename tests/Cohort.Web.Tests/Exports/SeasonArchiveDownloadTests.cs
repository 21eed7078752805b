using System.Net;
using System.Text.Json;
using Cohort.Core.Accounts;
using Cohort.Core.Archive;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Exports;

/// <summary>
/// /admin/exports gives the admin the season's archive, the file `cohort export season` writes, and records who took it.
/// </summary>
public abstract class SeasonArchiveDownloadTests(CohortApp app)
{
    [Fact]
    public async Task The_admin_downloads_the_current_seasons_archive_and_the_download_is_audited()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var page = await admin.GetAsync("/admin/exports");
        var link = page.One("#season-archive a")!.GetAttribute("href")!;

        var response = await admin.Client.GetAsync(link);
        var missing = await admin.Client.GetAsync("/admin/exports?handler=Archive&season=no-such-season");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var season = await app.WithDbAsync(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Slug).SingleAsync());
        Assert.Equal($"{season}-season-archive.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var archive = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(SeasonArchiveFormat.Name, archive.GetProperty("format").GetString());
        Assert.Equal(season, archive.GetProperty("season").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "data.exported" && e.Subject == "export:season-archive").Select(e => e.Details).ToListAsync());
        Assert.Contains(audited, details => details.StartsWith($"season {season},", StringComparison.Ordinal));
    }
}

public sealed class SeasonArchiveDownloadOnSqlite(SqliteApp app) : SeasonArchiveDownloadTests(app), IClassFixture<SqliteApp>;

public sealed class SeasonArchiveDownloadOnPostgres(PostgresApp app) : SeasonArchiveDownloadTests(app), IClassFixture<PostgresApp>;
