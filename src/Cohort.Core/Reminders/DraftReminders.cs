using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Reminders;

/// <summary>
/// "Your draft is not submitted": a reminder 48 hours and another 6 hours before a deadline, to each applicant with
/// something started and not submitted: a general application in draft (the form's deadline), an application to a
/// stream in draft (the track's streams stage deadline), or an assessment attempt still open (its own deadline, which
/// a time limit may bring forward). Each threshold's reminder goes out once per draft, only while it is the current
/// one (a 48-hour reminder is not sent once the 6-hour mark has passed), and only for a draft that already existed at
/// the mark: a draft started after the 6-hour mark gets no reminder at all.
/// </summary>
public sealed class DraftReminders(CohortDbContext db, Reminder reminder, IAppLinks links, TimeProvider clock) : IJob
{
    public const string Name = "draft-reminders";

    /// <summary>Hours before the deadline at which a reminder goes out, latest last.</summary>
    public static IReadOnlyList<int> Hours { get; } = [48, 6];

    private sealed record Draft(ReminderKind Kind, int Id, string ApplicantId, DateTime StartedAt, DateTime Deadline, string What, string Path);

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = (await OpenDraftsAsync(now, now.AddHours(Hours[0]), cancellation))
            .Select(d => (Draft: d, Hours: ThresholdAt(d.Deadline, d.StartedAt, now)))
            .Where(d => d.Hours is not null)
            .ToList();
        var sent = new Dictionary<int, int>();
        foreach (var kind in due.Select(d => d.Draft.Kind).Distinct())
        {
            var ofKind = due.Where(d => d.Draft.Kind == kind).ToList();
            var already = await reminder.SentAsync(kind, ofKind.Select(d => Key(d.Draft)).ToList(), cancellation);
            var recipients = await reminder.RecipientsAsync(ofKind.Select(d => d.Draft.ApplicantId), cancellation);
            foreach (var (draft, hours) in ofKind)
            {
                var occasion = $"{hours}h";
                if (already.Contains((Key(draft), occasion)) || !recipients.TryGetValue(draft.ApplicantId, out var to))
                {
                    continue;
                }

                var (title, body) = Mail(draft, to, now);
                if (await reminder.QueueAsync(kind, Key(draft), occasion, to, title, body, cancellation))
                {
                    sent[hours!.Value] = sent.GetValueOrDefault(hours!.Value) + 1;
                }
            }
        }

        var total = sent.Values.Sum();
        return new(total, total == 0 ? "No reminder was due"
            : $"{total} {(total == 1 ? "reminder" : "reminders")} queued ({string.Join(", ", Hours.Where(sent.ContainsKey).Select(h => $"{sent[h]} at {h} h"))})");
    }

    /// <summary>
    /// The threshold whose reminder is due for a draft at <paramref name="now"/>: the one whose mark has passed while
    /// the next has not, provided the draft was started by that mark. Null when none is.
    /// </summary>
    public static int? ThresholdAt(DateTime deadline, DateTime startedAt, DateTime now)
    {
        for (var i = 0; i < Hours.Count; i++)
        {
            var mark = deadline.AddHours(-Hours[i]);
            var next = i + 1 < Hours.Count ? deadline.AddHours(-Hours[i + 1]) : deadline;
            if (now >= mark && now < next)
            {
                return startedAt <= mark ? Hours[i] : null;
            }
        }

        return null;
    }

    // Windows are read first and drafts matched to them in memory: the database does no date arithmetic, which SQLite
    // and PostgreSQL would each do their own way.
    private async Task<List<Draft>> OpenDraftsAsync(DateTime now, DateTime horizon, CancellationToken cancellation)
    {
        var general = await db.Applications.AsNoTracking()
            .Where(a => a.State == ApplicationState.Draft && a.Form!.Kind == FormKind.General && a.Form.ClosesAt > now && a.Form.ClosesAt <= horizon)
            .Select(a => new Draft(ReminderKind.GeneralDraft, a.Id, a.ApplicantId, a.CreatedAt, a.Form!.ClosesAt, "your general application", "/apply/general"))
            .ToListAsync(cancellation);
        var streams = await db.StreamApplications.AsNoTracking()
            .Where(a => a.State == ApplicationState.Draft)
            .Join(db.Stages.Where(s => s.Kind == StageKind.Streams && s.ClosesAt > now && s.ClosesAt <= horizon),
                a => a.Stream!.TrackId, s => s.TrackId,
                (a, s) => new Draft(ReminderKind.StreamDraft, a.Id, a.ApplicantId, a.CreatedAt, s.ClosesAt, "your application to " + a.Stream!.Name, "/streams/apply"))
            .ToListAsync(cancellation);
        var attempts = await db.Attempts.AsNoTracking()
            .Where(t => t.ClosedAt == null && t.SubmittedAt == null && t.Deadline > now && t.Deadline <= horizon)
            .Select(t => new Draft(ReminderKind.AssessmentAttempt, t.Id, t.ApplicantId, t.StartedAt, t.Deadline, "your attempt at " + t.Assessment!.Title, "/assessments/" + t.Assessment.Slug))
            .ToListAsync(cancellation);
        return [.. general, .. streams, .. attempts];
    }

    private static string Key(Draft draft) => draft.Id.ToString(CultureInfo.InvariantCulture);

    private (string Title, string Body) Mail(Draft draft, Reminder.Recipient to, DateTime now)
    {
        var left = draft.Deadline - now;
        var within = left.TotalHours >= 1.5 ? $"about {Math.Round(left.TotalHours).ToString(CultureInfo.InvariantCulture)} hours" : "less than two hours";
        var what = char.ToUpperInvariant(draft.What[0]) + draft.What[1..];
        var consequence = draft.Kind == ReminderKind.AssessmentAttempt
            ? "It closes then by itself, and only what you have saved by then is scored. Hand it in when you are done."
            : "A draft is not considered: only a submitted application is.";
        return ($"Not submitted yet: {draft.What}",
            $"Dear {to.Name},\n\n{what} is started but not submitted, and its deadline is {MailTime.Say(draft.Deadline, to.TimeZoneId)}, in {within}. {consequence}\n\n" +
            $"Finish it here: {links.Link(draft.Path)}\n\nIf you have decided not to go on, you can ignore this message.\n");
    }
}
