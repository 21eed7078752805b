using System.Net;
using System.Net.Sockets;
using Cohort.Core.Mail;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Telemetry;

/// <summary>Cohort's own counters count what happened through the pages and the outbox, once each.</summary>
public abstract class CohortCounterTests(CohortApp app)
{
    private Task<Browser> NewApplicantAsync() => app.SignUpAndConfirmAsync($"counted-{Guid.NewGuid():N}@example.net");

    private Task EnqueueAsync(string to) => app.WithDbAsync(db =>
    {
        db.OutboxMessages.Add(new OutboxMessage { To = to, Subject = "Counted", Body = "Hello.", CreatedAt = DateTime.UtcNow });
        return db.SaveChangesAsync();
    });

    private Task<int> SentAsync() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null));

    private async Task<Browser.Page> SignInAsync(string email, string password)
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/account/sign-in");
        return await browser.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }, follow: false);
    }

    [Fact]
    public async Task A_submit_through_the_page_counts_one_submission_of_the_general_stage_however_often_it_is_sent()
    {
        var browser = await NewApplicantAsync();
        await browser.PostGeneralApplicationAsync("Save", GeneralApplicationForm.Complete(), "%PDF-1.4 a CV"u8.ToArray());
        using var counters = new CohortCounters(app);

        var portal = await browser.PostGeneralApplicationAsync("Submit", GeneralApplicationForm.Complete(), cv: null);
        var again = await browser.PostGeneralApplicationAsync("Submit", GeneralApplicationForm.Complete(), cv: null);

        Assert.Equal(("/portal", "/portal"), (portal.Url, again.Url));
        Assert.Equal(1, counters.Total("cohort.submissions", ("cohort.stage.kind", "general")));
        Assert.Equal(1, counters.Total("cohort.submissions"));
    }

    [Fact]
    public async Task A_saved_draft_counts_as_saved_at_its_stage()
    {
        var browser = await NewApplicantAsync();
        using var counters = new CohortCounters(app);

        await browser.PostGeneralApplicationAsync("Save", new() { ["q.full-name"] = "Draft Person" }, cv: null);

        Assert.Equal(1, counters.Total("cohort.draft_saves", ("cohort.stage.kind", "general"), ("cohort.draft_save.outcome", "saved")));
        Assert.Equal(0, counters.Total("cohort.draft_saves", ("cohort.draft_save.outcome", "overtaken")));
    }

    [Fact]
    public async Task Every_message_marked_sent_is_counted_once_and_failed_attempts_are_counted_as_transient_or_final()
    {
        await EnqueueAsync("someone@example.net");
        await EnqueueAsync($"someone@{LoopbackSmtp.RefusingDomain}");
        await EnqueueAsync("not an address");
        var sentBefore = await SentAsync();
        await using var smtp = new LoopbackSmtp();
        using var counters = new CohortCounters(app);

        await LoopbackSmtp.DrainAsync(smtp.DispatcherFor(app));

        Assert.Equal(await SentAsync() - sentBefore, counters.Total("cohort.mail.sent"));
        Assert.Contains(smtp.Received, m => m.To.ToString() == "someone@example.net");
        Assert.Equal(1, counters.Total("cohort.mail.failed", ("cohort.mail.failure", "transient")));
        Assert.Equal(1, counters.Total("cohort.mail.failed", ("cohort.mail.failure", "final")));
    }

    [Fact]
    public async Task A_batch_given_back_because_the_mail_server_cannot_be_reached_is_counted_and_costs_no_attempt()
    {
        await EnqueueAsync("someone@example.net");
        using var counters = new CohortCounters(app);
        using (var vacated = new TcpListener(IPAddress.Loopback, 0))
        {
            vacated.Start();
            var port = ((IPEndPoint)vacated.LocalEndpoint).Port;
            vacated.Stop();
            await LoopbackSmtp.DrainAsync(LoopbackSmtp.Dispatcher(app, new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = port, Security = MailSecurity.None }));
        }

        Assert.Equal(1, counters.Total("cohort.mail.server_unreachable"));
        Assert.Equal(0, counters.Total("cohort.mail.failed"));
    }

    [Fact]
    public async Task Sign_ins_are_counted_by_factor_and_outcome()
    {
        var wrong = await app.NewAccountAsync();
        var right = await app.NewAccountAsync();
        using var counters = new CohortCounters(app);

        await SignInAsync($"nobody-{Guid.NewGuid():N}@example.net", "a long enough passphrase");
        await SignInAsync(wrong.Email, "not the passphrase at all");
        var signedIn = await SignInAsync(right.Email, right.Password);

        Assert.Equal(302, signedIn.Status);
        Assert.Equal(1, counters.Total("cohort.sign_ins", ("cohort.sign_in.factor", "password"), ("cohort.sign_in.outcome", "unknown_account")));
        Assert.Equal(1, counters.Total("cohort.sign_ins", ("cohort.sign_in.factor", "password"), ("cohort.sign_in.outcome", "refused")));
        Assert.Equal(1, counters.Total("cohort.sign_ins", ("cohort.sign_in.factor", "password"), ("cohort.sign_in.outcome", "signed_in")));
    }
}

public sealed class CohortCountersOnSqlite(SqliteApp app) : CohortCounterTests(app), IClassFixture<SqliteApp>;

public sealed class CohortCountersOnPostgres(PostgresApp app) : CohortCounterTests(app), IClassFixture<PostgresApp>;
