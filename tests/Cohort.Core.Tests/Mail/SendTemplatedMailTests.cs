using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Pipeline;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Mail;

/// <summary>Mailings go to the applications a pipeline filter selects, previewed first, queued all at once.</summary>
public abstract class SendTemplatedMailTests(CoreServicesFixture core)
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");

    private static TemplatedMail Mail(ApplicationState state, string subject = "Next step, {{name}}", bool? eligible = null) =>
        new(StageKind.General, new PipelineFilter(state, eligible), subject, "Hello {{name}}, your {{stage}} closed {{deadline}}. See {{link}}", "https://cohort.test/portal");

    private Task<List<OutboxMessage>> OutboxAsync(string subjectStart) =>
        core.RunAsync<CohortDbContext, List<OutboxMessage>>(db => db.OutboxMessages.Where(m => m.Subject.StartsWith(subjectStart)).ToListAsync());

    [Fact]
    public async Task The_preview_renders_each_recipients_merge_fields_and_queues_nothing()
    {
        await core.AddAsync(ApplicationState.Waitlisted, name: "Grace <b>Hopper</b>");

        var preview = await core.RunAsync<SendTemplatedMail, MailingOutcome>(send => send.PreviewAsync(Mail(ApplicationState.Waitlisted, "Preview only {{name}}"), 3));

        Assert.True(preview.Ok);
        var message = Assert.Single(preview.Messages);
        Assert.Equal("Preview only Grace <b>Hopper</b>", message.Subject);
        var form = await core.RunAsync<CohortDbContext, ApplicationForm>(db => db.ApplicationForms.SingleAsync(f => f.Kind == FormKind.General));
        Assert.Equal($"Hello Grace <b>Hopper</b>, your {form.Title} closed {form.ClosesAt:d MMMM yyyy 'at' HH:mm} UTC. See https://cohort.test/portal", message.Body);
        Assert.Empty(await OutboxAsync("Preview only"));
    }

    [Fact]
    public async Task Sending_queues_one_message_per_selected_application_with_one_audit_entry()
    {
        await core.AddAsync(ApplicationState.Advanced, name: "Eligible One");
        await core.AddAsync(ApplicationState.Advanced, name: "Eligible Two");
        await core.AddAsync(ApplicationState.Advanced, dateOfBirth: "2015-01-01", name: "Too Young");

        var sent = await core.RunAsync<SendTemplatedMail, MailingOutcome>(send => send.SendAsync(Admin, Mail(ApplicationState.Advanced, "Stage 2 invite {{name}}", eligible: true)));

        Assert.Equal(2, sent.Recipients);
        Assert.Equal(["Stage 2 invite Eligible One", "Stage 2 invite Eligible Two"], (await OutboxAsync("Stage 2 invite")).Select(m => m.Subject).Order());
        var audit = await core.RunAsync<CohortDbContext, AuditEntry>(db => db.AuditEntries.SingleAsync(e => e.Subject == "mail:Stage 2 invite {{name}}"));
        Assert.Equal(("mail.sent", "admin@example.net"), (audit.Action, audit.Actor));
        Assert.StartsWith("2 recipients", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_with_an_unknown_field_queues_nothing()
    {
        await core.AddAsync(ApplicationState.Rejected);

        var refused = await core.RunAsync<SendTemplatedMail, MailingOutcome>(send => send.SendAsync(Admin, Mail(ApplicationState.Rejected, "Sorry {{firstname}}")));

        Assert.False(refused.Ok);
        Assert.Contains(refused.Problems, p => p.Contains("{{firstname}}", StringComparison.Ordinal));
        Assert.Empty(await OutboxAsync("Sorry"));
    }
}

public sealed class SendTemplatedMailOnSqlite(SqliteCore core) : SendTemplatedMailTests(core), IClassFixture<SqliteCore>;

public sealed class SendTemplatedMailOnPostgres(PostgresCore core) : SendTemplatedMailTests(core), IClassFixture<PostgresCore>;
