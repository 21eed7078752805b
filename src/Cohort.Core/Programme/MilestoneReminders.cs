using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Mail;
using Cohort.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>
/// Reminds each fellow of a milestone they have not handed in: once when its reminder window opens (the milestone's
/// <see cref="Milestone.RemindDaysBefore"/> days before it is due), and once when it is overdue. One
/// <see cref="SentReminder"/> per (kind, fellowship and milestone, due date) makes each go exactly once, however many
/// instances and runs there are; moving the due date is a new occasion, so the fellow hears of the new date. A milestone
/// with nothing to hand in is announced but never overdue (it waits on the mentor, not the fellow). Fellows whose
/// programme has ended, and milestones overdue for more than <see cref="OverdueHorizon"/> (a job that was off for a
/// while must not mail about old news), get nothing.
/// </summary>
public sealed class MilestoneReminders(CohortDbContext db, Reminder reminder, IAppLinks links, TimeProvider clock) : IJob
{
    public const string Name = "milestone-reminders";

    public static readonly TimeSpan OverdueHorizon = TimeSpan.FromDays(7);

    private sealed record Due(ReminderKind Kind, Milestone Milestone, Fellowship Fellowship);

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await DueAsync(now, cancellation);
        int sent = 0, overdue = 0;
        foreach (var kind in new[] { ReminderKind.MilestoneDue, ReminderKind.MilestoneOverdue })
        {
            var ofKind = due.Where(d => d.Kind == kind).ToList();
            var already = await reminder.SentAsync(kind, ofKind.Select(Subject).ToList(), cancellation);
            var recipients = await reminder.RecipientsAsync(ofKind.Select(d => d.Fellowship.ApplicantId), cancellation);
            foreach (var item in ofKind)
            {
                if (already.Contains((Subject(item), Occasion(item))) || !recipients.TryGetValue(item.Fellowship.ApplicantId, out var to))
                {
                    continue;
                }

                var (title, body) = Mail(item, to, now);
                if (await reminder.QueueAsync(kind, Subject(item), Occasion(item), to, title, body, cancellation))
                {
                    sent++;
                    overdue += kind == ReminderKind.MilestoneOverdue ? 1 : 0;
                }
            }
        }

        return new(sent, sent == 0 ? "No milestone reminder was due" : $"{sent} milestone {(sent == 1 ? "reminder" : "reminders")} queued ({overdue} overdue)");
    }

    // Milestones in a window around now are read first and matched to fellows in memory: the database does no date
    // arithmetic (each milestone has its own reminder window), which SQLite and PostgreSQL would each do their own way.
    private async Task<List<Due>> DueAsync(DateTime now, CancellationToken cancellation)
    {
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.DueAt > now - OverdueHorizon && m.DueAt <= now.AddDays(SaveMilestone.MaxRemindDaysBefore)).ToListAsync(cancellation);
        var seasons = milestones.Select(m => m.SeasonId).Distinct().ToList();
        var today = DateOnly.FromDateTime(now);
        var fellowships = await db.Fellowships.AsNoTracking().Where(f => seasons.Contains(f.SeasonId) && f.EndsOn >= today).ToListAsync(cancellation);
        var ids = fellowships.Select(f => f.Id).ToList();
        var handedIn = (await db.MilestoneSubmissions.AsNoTracking().Where(s => ids.Contains(s.FellowshipId)).Select(s => new { s.FellowshipId, s.MilestoneId }).ToListAsync(cancellation))
            .Concat(await db.CheckIns.AsNoTracking().Where(c => ids.Contains(c.FellowshipId) && c.MilestoneId != null).Select(c => new { c.FellowshipId, MilestoneId = c.MilestoneId!.Value }).ToListAsync(cancellation))
            .Select(s => (s.FellowshipId, s.MilestoneId)).ToHashSet();
        var extended = (await db.ExtensionApplications.AsNoTracking().Where(a => ids.Contains(a.FellowshipId) && a.State == ApplicationState.Advanced)
            .Select(a => new { a.FellowshipId, a.RoundId }).ToListAsync(cancellation)).ToLookup(a => a.FellowshipId, a => a.RoundId);

        return (from m in milestones
                from f in fellowships
                where f.SeasonId == m.SeasonId && MilestoneProgress.AppliesTo(m, extended[f.Id].ToHashSet()) && !handedIn.Contains((f.Id, m.Id))
                let kind = KindAt(m, now)
                where kind is not null
                select new Due(kind.Value, m, f)).ToList();
    }

    private static ReminderKind? KindAt(Milestone milestone, DateTime now) =>
        now > milestone.DueAt ? (milestone.Submission == SubmissionKind.None ? null : ReminderKind.MilestoneOverdue)
        : milestone.RemindDaysBefore > 0 && now >= milestone.DueAt.AddDays(-milestone.RemindDaysBefore) ? ReminderKind.MilestoneDue
        : null;

    private static string Subject(Due due) => string.Create(CultureInfo.InvariantCulture, $"{due.Fellowship.Id}:{due.Milestone.Id}");

    private static string Occasion(Due due) => due.Milestone.DueAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private (string Title, string Body) Mail(Due due, Reminder.Recipient to, DateTime now)
    {
        var milestone = due.Milestone;
        var when = MailTime.Say(milestone.DueAt, to.TimeZoneId);
        var ask = milestone.Submission switch
        {
            SubmissionKind.None => "There is nothing to hand in; be ready for it with your mentors.",
            SubmissionKind.Text => "Hand in your text on your fellowship page.",
            SubmissionKind.Link => "Hand in the link on your fellowship page.",
            _ => $"Upload your PDF (at most {PdfContent.MaxBytes / (1024 * 1024)} MB) on your fellowship page.",
        };
        var page = links.Link("/portal/fellowship");
        if (due.Kind == ReminderKind.MilestoneOverdue)
        {
            return ($"Overdue: {milestone.Title}",
                $"Dear {to.Name},\n\n\"{milestone.Title}\" was due {when} and we have nothing from you yet. You can still hand it in: it will be marked late.\n\n{ask}\n\n{page}\n");
        }

        var days = Math.Max(1, (int)Math.Ceiling((milestone.DueAt - now).TotalDays));
        return ($"Due in {days} {(days == 1 ? "day" : "days")}: {milestone.Title}",
            $"Dear {to.Name},\n\n\"{milestone.Title}\" is due {when}.\n\n{ask}\n\n{page}\n");
    }
}
