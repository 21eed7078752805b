using Cohort.Core.Accounts;
using Cohort.Core.Privacy;
using Cohort.Web.Pages.Portal;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Privacy;

/// <summary>
/// Erasure end to end: the applicant asks from the portal through its confirmation, the admin sees the request on
/// /admin/privacy and erases through theirs; then the person cannot sign in and the list names only the pseudonym.
/// </summary>
public abstract class ErasureRequestTests(CohortApp app)
{
    private readonly StreamsStageData data = new(app);

    [Fact]
    public async Task The_applicant_asks_through_a_confirmation_and_the_admin_erases_through_another()
    {
        var me = await data.NewAsync();
        using var browser = await data.SignInAsync(me);

        var portal = await browser.GetAsync("/portal");
        var unconfirmed = await browser.FollowAsync((await browser.PostAsAsync("/portal/erase", new Dictionary<string, string>())).Response, "/portal/erase");
        var asked = await browser.SubmitAsync(await browser.GetAsync("/portal/erase"), "#confirm-erase form", new Dictionary<string, string>());

        Assert.NotNull(portal.One("a#erase[href='/portal/erase']"));
        Assert.Contains(EraseModel.Unconfirmed, unconfirmed.Text, StringComparison.Ordinal);
        Assert.Contains(EraseModel.Recorded, asked.Text, StringComparison.Ordinal);
        Assert.NotNull(asked.One("#erasure-requested"));
        var request = await app.WithDbAsync(db => db.ErasureRequests.SingleAsync(r => r.ApplicantId == me.Id));

        using var admin = await app.AsAsync(Roles.Admin);
        var list = await admin.GetAsync("/admin/privacy");
        var confirm = await admin.SubmitAsync(list, $"[data-request='{request.Id}'] form", new Dictionary<string, string>(), follow: false);
        Assert.Null((await app.WithDbAsync(db => db.ErasureRequests.SingleAsync(r => r.Id == request.Id))).ErasedAt);
        var erased = await admin.SubmitAsync(confirm, "form#confirmed", new Dictionary<string, string>());

        Assert.Contains(me.Email, list.One($"[data-request='{request.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Erase the data of {me.Email}?", confirm.Text, StringComparison.Ordinal);
        var done = await app.WithDbAsync(db => db.ErasureRequests.SingleAsync(r => r.Id == request.Id));
        Assert.NotNull(done.ErasedAt);
        Assert.Contains($"Erased: the account is now {done.Pseudonym}.", erased.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(me.Email, erased.Text, StringComparison.Ordinal);
        Assert.Null(erased.One($"[data-request='{request.Id}']"));
        Assert.Contains(done.Pseudonym!, erased.One("#erased")!.TextContent, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => data.SignInAsync(me));
        Assert.StartsWith(done.Pseudonym!, await app.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.Email!).SingleAsync()), StringComparison.Ordinal);
        Assert.EndsWith(EraseApplicant.ErasedDomain, await app.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.Email!).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_request_erases_nothing_tells_the_applicant_why_and_lets_them_ask_again()
    {
        var me = await data.NewAsync();
        using var browser = await data.SignInAsync(me);
        await browser.SubmitAsync(await browser.GetAsync("/portal/erase"), "#confirm-erase form", new Dictionary<string, string>());
        var request = await app.WithDbAsync(db => db.ErasureRequests.SingleAsync(r => r.ApplicantId == me.Id));
        using var admin = await app.AsAsync(Roles.Admin);
        var list = await admin.GetAsync("/admin/privacy");
        var form = $"[data-request='{request.Id}'] details.decline form";
        const string reason = "Your offer is under appeal; we must keep the file until the appeal is decided.";

        var blank = await admin.SubmitAsync(list, form, new Dictionary<string, string> { ["reason"] = "  " });
        var stillWaiting = await app.WithDbAsync(db => db.ErasureRequests.SingleAsync(r => r.Id == request.Id));
        var declined = await admin.SubmitAsync(list, form, new Dictionary<string, string> { ["reason"] = reason });
        var again = await admin.SubmitAsync(list, form, new Dictionary<string, string> { ["reason"] = reason });
        var portal = await browser.GetAsync("/portal/erase");
        await browser.SubmitAsync(portal, "#confirm-erase form", new Dictionary<string, string>());

        Assert.Contains("Say why the request is declined", blank.Text, StringComparison.Ordinal);
        Assert.Null(stillWaiting.DeclinedAt);
        Assert.Contains("Declined: the applicant was sent the reason", declined.Text, StringComparison.Ordinal);
        Assert.Null(declined.One($"[data-request='{request.Id}']"));
        Assert.Contains(reason, declined.One("#declined")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("no such open request", again.Text, StringComparison.Ordinal);
        Assert.Contains(reason, portal.One("#erasure-declined")!.TextContent, StringComparison.Ordinal);
        var mail = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == me.Email && m.Subject == "Your request to erase your data").ToListAsync());
        Assert.Contains(reason, Assert.Single(mail).Body, StringComparison.Ordinal);
        var requests = await app.WithDbAsync(db => db.ErasureRequests.Where(r => r.ApplicantId == me.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(2, requests.Count);
        Assert.Equal(reason, requests[0].DeclineReason);
        Assert.True(requests[1].IsOpen);
        Assert.Equal(me.Email, await app.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.Email!).SingleAsync()));
    }
}

public sealed class ErasureRequestOnSqlite(SqliteApp app) : ErasureRequestTests(app), IClassFixture<SqliteApp>;

public sealed class ErasureRequestOnPostgres(PostgresApp app) : ErasureRequestTests(app), IClassFixture<PostgresApp>;
