using System.Net;
using Cohort.Core.Mail;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Portal;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Privacy;

/// <summary>
/// "Download my data" gives the signed-in applicant their own data as a JSON file: their answers and mail, none of
/// another applicant's, none of the account's secrets, no live link from a sensitive message; anonymous visitors sign in.
/// </summary>
public abstract class MyDataTests(CohortApp app)
{
    private readonly PortalData portal = new(app);
    private StreamsStageData Data => portal.StreamsStage;

    [Fact]
    public async Task The_applicant_downloads_their_own_data_and_nothing_of_anyone_else_nor_any_secret()
    {
        await portal.OpenWindowsAsync();
        var me = await Data.NewAsync();
        var other = await Data.NewAsync();
        await Data.ApplyAsync(me, StreamsStageData.Coalition, "my-own-answer-7c1f");
        await Data.ApplyAsync(other, StreamsStageData.Coalition, "someone-elses-answer-9d2e");
        await app.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage { To = me.Email, Subject = "Your application", Body = "plain-mail-body-3a4b", CreatedAt = DateTime.UtcNow });
            db.OutboxMessages.Add(new OutboxMessage { To = me.Email, Subject = "Reset your password", Body = "live-reset-link-5e6f", Sensitive = true, CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var secrets = await app.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => new { u.PasswordHash, u.SecurityStamp, u.ConcurrencyStamp }).SingleAsync());
        using var browser = await Data.SignInAsync(me);

        var page = await browser.GetAsync("/portal");
        using var response = await browser.Client.GetAsync("/portal/my-data");
        var json = await response.Content.ReadAsStringAsync();

        Assert.NotNull(page.One("a#my-data[href='/portal/my-data']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("cohort-my-data.json", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains(me.Email, json, StringComparison.Ordinal);
        Assert.Contains("my-own-answer-7c1f", json, StringComparison.Ordinal);
        Assert.Contains("plain-mail-body-3a4b", json, StringComparison.Ordinal);
        Assert.Contains("Reset your password", json, StringComparison.Ordinal);
        Assert.DoesNotContain("live-reset-link-5e6f", json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Email, json, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain("someone-elses-answer-9d2e", json, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.PasswordHash!, json, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.SecurityStamp!, json, StringComparison.Ordinal);
        Assert.DoesNotContain(secrets.ConcurrencyStamp!, json, StringComparison.Ordinal);
        Assert.DoesNotContain("password", json.Replace("Reset your password", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var browser = app.NewBrowser();

        using var response = await browser.Client.GetAsync("/portal/my-data");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class MyDataOnSqlite(SqliteApp app) : MyDataTests(app), IClassFixture<SqliteApp>;

public sealed class MyDataOnPostgres(PostgresApp app) : MyDataTests(app), IClassFixture<PostgresApp>;
