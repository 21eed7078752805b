using System.Diagnostics.Metrics;
using Cohort.Core.Catalogue;

namespace Cohort.Core.Telemetry;

/// <summary>
/// Cohort's own counters, on one meter named <see cref="MeterName"/>: what happened in the selection, as opposed to
/// what the runtime, ASP.NET Core and EF Core measure of themselves. Counting costs an interlocked add when nobody
/// listens; the web host exports these by OTLP only when a collector is configured (docs/decisions/telemetry.md).
/// Every tag has a handful of values: never an id, an address or anything else that grows with the data.
/// </summary>
public sealed class CohortMetrics
{
    public const string MeterName = "Cohort";

    private static readonly KeyValuePair<string, object?>[] StageTags =
        [.. Enum.GetValues<StageKind>().Select(kind => new KeyValuePair<string, object?>("cohort.stage.kind", StageKinds.Name(kind)))];

    private static readonly KeyValuePair<string, object?> Saved = new("cohort.draft_save.outcome", "saved");
    private static readonly KeyValuePair<string, object?> Overtaken = new("cohort.draft_save.outcome", "overtaken");
    private static readonly KeyValuePair<string, object?> Transient = new("cohort.mail.failure", "transient");
    private static readonly KeyValuePair<string, object?> Final = new("cohort.mail.failure", "final");

    private readonly Counter<long> submissions;
    private readonly Counter<long> draftSaves;
    private readonly Counter<long> mailSent;
    private readonly Counter<long> mailFailed;
    private readonly Counter<long> mailServerUnreachable;
    private readonly Counter<long> jobRuns;
    private readonly Counter<long> signIns;

    public CohortMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        submissions = meter.CreateCounter<long>("cohort.submissions", "{submission}",
            "Applications and assessment attempts submitted, by stage kind; a repeated submit of the same one is not counted again.");
        draftSaves = meter.CreateCounter<long>("cohort.draft_saves", "{save}",
            "Saves of answers not yet submitted (autosaves and the Save button), by stage kind and outcome: saved, or overtaken by another save or a submit of the same application at the same moment.");
        mailSent = meter.CreateCounter<long>("cohort.mail.sent", "{message}", "Outbox messages the SMTP server accepted.");
        mailFailed = meter.CreateCounter<long>("cohort.mail.failed", "{message}",
            "Outbox messages whose attempt failed: transient (it will be tried again) or final (it is marked failed for an admin to retry or cancel).");
        mailServerUnreachable = meter.CreateCounter<long>("cohort.mail.server_unreachable", "{batch}",
            "Batches of outbox messages given back unsent because the SMTP server could not be reached or refused the connection.");
        jobRuns = meter.CreateCounter<long>("cohort.job.runs", "{run}", "Runs of scheduled jobs, by job and outcome.");
        signIns = meter.CreateCounter<long>("cohort.sign_ins", "{attempt}", "Sign-in steps, by factor and outcome.");
    }

    /// <summary>An application or attempt of <paramref name="stage"/> changed to submitted (counted once, by the request that won).</summary>
    public void Submitted(StageKind stage) => submissions.Add(1, StageTags[(int)stage]);

    /// <summary>A save of answers in progress at <paramref name="stage"/> was stored, or lost the race to another save or a submit.</summary>
    public void DraftSaved(StageKind stage, bool stored) => draftSaves.Add(1, StageTags[(int)stage], stored ? Saved : Overtaken);

    public void MailSent() => mailSent.Add(1);

    /// <summary>An attempt to send a message failed; <paramref name="final"/> when it will not be tried again by itself.</summary>
    public void MailFailed(bool final) => mailFailed.Add(1, final ? Final : Transient);

    public void MailServerUnreachable() => mailServerUnreachable.Add(1);

    /// <summary>A scheduled job ran: <paramref name="job"/> is its name, <paramref name="outcome"/> a word such as "succeeded" or "failed".</summary>
    public void JobRan(string job, string outcome) =>
        jobRuns.Add(1, new KeyValuePair<string, object?>("cohort.job", job), new KeyValuePair<string, object?>("cohort.job.outcome", outcome));

    /// <summary>A sign-in step: <paramref name="factor"/> such as "password", <paramref name="outcome"/> such as "signed_in" or "refused".</summary>
    public void SignIn(string factor, string outcome) =>
        signIns.Add(1, new KeyValuePair<string, object?>("cohort.sign_in.factor", factor), new KeyValuePair<string, object?>("cohort.sign_in.outcome", outcome));
}
