using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Mail;

/// <summary>A mailing to the applications of a stage that a pipeline filter selects.</summary>
/// <param name="Link">The address the <c>{{link}}</c> field stands for (the applicant portal).</param>
public sealed record TemplatedMail(StageKind Stage, PipelineFilter Recipients, string Subject, string Body, string Link);

public sealed record RenderedMail(string To, string Subject, string Body);

/// <param name="Recipients">How many messages the mailing makes (or made).</param>
/// <param name="Messages">The rendered messages: the first few for a preview, none after sending.</param>
public sealed record MailingOutcome(int Recipients, IReadOnlyList<RenderedMail> Messages, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;

    /// <summary>What reads wrong but may still be sent: a merge field whose value repeats the word written next to it.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Renders a template for every selected applicant: first as a preview an admin reads, then for real, when one
/// message per recipient is queued in the outbox in a single save with an audit entry, so either everyone's mail
/// is queued or no one's is.
/// </summary>
public sealed class SendTemplatedMail(FindApplications find, CohortDbContext db, Outbox outbox, AuditLog audit)
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    public async Task<MailingOutcome> PreviewAsync(TemplatedMail mail, int shown, CancellationToken cancellation = default)
    {
        var (problems, messages, warnings) = await RenderAsync(mail, cancellation);
        return new(messages.Count, problems.Count == 0 ? messages.Take(shown).ToList() : [], problems) { Warnings = warnings };
    }

    public async Task<MailingOutcome> SendAsync(Actor actor, TemplatedMail mail, CancellationToken cancellation = default)
    {
        var (problems, messages, _) = await RenderAsync(mail, cancellation);
        if (problems.Count > 0)
        {
            return new(messages.Count, [], problems);
        }

        foreach (var message in messages)
        {
            outbox.Enqueue(message.To, message.Subject, message.Body);
        }

        var recipients = mail.Recipients;
        var selection = $"{mail.Stage} applications, state {recipients.State?.ToString() ?? "any"}, eligibility {recipients.Eligible switch { true => "eligible", false => "not eligible", null => "any" }}"
            + (recipients.StreamId is { } stream ? $", stream {stream}" : "") + (recipients.MinScore is { } min ? $", score at least {min}" : "");
        audit.Record(actor, "mail.sent", $"mail:{mail.Subject}", $"{messages.Count} recipients ({selection})");
        await db.SaveChangesAsync(cancellation);
        return new(messages.Count, [], []);
    }

    /// <summary>What is wrong with a mailing's subject and body before any recipient is read, each in words: the rules every templated mail follows (the pipeline's mailings, extension decisions).</summary>
    public static List<string> Problems(string subject, string body)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(body))
        {
            problems.Add("Write both a subject and a body.");
        }

        if (subject.Length > MaxSubjectLength || subject.Contains('\n', StringComparison.Ordinal) || subject.Contains('\r', StringComparison.Ordinal))
        {
            problems.Add($"The subject must be one line of at most {MaxSubjectLength} characters.");
        }

        if (body.Length > MaxBodyLength)
        {
            problems.Add($"The body must be at most {MaxBodyLength} characters.");
        }

        problems.AddRange(MailTemplate.Check(subject).Select(p => $"Subject: {p}"));
        problems.AddRange(MailTemplate.Check(body).Select(p => $"Body: {p}"));
        return problems;
    }

    private async Task<(List<string> Problems, List<RenderedMail> Messages, List<string> Warnings)> RenderAsync(TemplatedMail mail, CancellationToken cancellation)
    {
        var problems = Problems(mail.Subject, mail.Body);
        var view = await find.RunAsync(mail.Stage, mail.Recipients, cancellation);
        if (view is null || view.Rows.Count == 0)
        {
            problems.Add("No application matches this selection, so there is no one to write to.");
            return (problems, [], []);
        }

        // Each recipient reads the deadline in UTC and, when their account records one, in their own zone.
        var addresses = view.Rows.Select(r => r.Email).Distinct().ToList();
        var zones = (await db.Users.AsNoTracking().Where(u => u.Email != null && addresses.Contains(u.Email) && u.TimeZoneId != null)
            .Select(u => new { u.Email, u.TimeZoneId }).ToListAsync(cancellation))
            .ToDictionary(u => u.Email!, u => u.TimeZoneId);
        var warnings = new HashSet<string>();
        var messages = view.Rows.Select(row =>
        {
            var values = new Dictionary<string, string>
            {
                ["name"] = row.ApplicantName,
                ["stage"] = view.Title,
                ["stream"] = row.Stream, // empty for stages 1 and 2, which belong to no stream
                ["deadline"] = view.Deadline is { } deadline ? MailTime.Say(deadline, zones.GetValueOrDefault(row.Email)) : "",
                ["link"] = mail.Link,
            };
            warnings.UnionWith(MailTemplate.Repeats(mail.Subject, values).Select(w => $"Subject: {w}"));
            warnings.UnionWith(MailTemplate.Repeats(mail.Body, values).Select(w => $"Body: {w}"));
            return new RenderedMail(row.Email, MailTemplate.Render(mail.Subject, values), MailTemplate.Render(mail.Body, values));
        }).ToList();
        return (problems, messages, [.. warnings]);
    }
}
