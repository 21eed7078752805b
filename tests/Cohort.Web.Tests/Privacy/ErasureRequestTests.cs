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
}

public sealed class ErasureRequestOnSqlite(SqliteApp app) : ErasureRequestTests(app), IClassFixture<SqliteApp>;

public sealed class ErasureRequestOnPostgres(PostgresApp app) : ErasureRequestTests(app), IClassFixture<PostgresApp>;
