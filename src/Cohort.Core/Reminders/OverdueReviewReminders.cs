using System.Globalization;
using System.Text;
using Cohort.Core.Data;
using Cohort.Core.Jobs;
using Cohort.Core.Mail;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Reminders;

/// <summary>
/// Reminds each reviewer who has reviews past their round's due date, once a period (a day by default): one mail
/// listing the overdue rounds and how many reviews each still needs. Only assignments the reviewer can still review
/// count (the round open, the stage undecided, the reviewer still in the pool without a conflict), and the mail names
/// rounds, never applicants, so it is as blind as the review pages.
/// </summary>
public sealed class OverdueReviewReminders(CohortDbContext db, Reminder reminder, IAppLinks links, TimeProvider clock) : IJob
{
    public const string Name = "review-reminders";

    public async Task<JobReport> RunAsync(JobContext context, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reviewers = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.State == AssignmentState.Assigned && a.Round!.State == ReviewRoundState.Open && a.Round.DueAt != null && a.Round.DueAt < now)
            .Select(a => a.ReviewerId).Distinct().ToListAsync(cancellation);
        var occasion = context.PeriodStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var already = await reminder.SentAsync(ReminderKind.OverdueReviews, reviewers, cancellation);
        var recipients = await reminder.RecipientsAsync(reviewers, cancellation);
        int reminded = 0, reviews = 0;
        foreach (var reviewer in reviewers)
        {
            if (already.Contains((reviewer, occasion)) || !recipients.TryGetValue(reviewer, out var to))
            {
                continue;
            }

            var overdue = (await ReviewerAssignments.OpenAsync(db, reviewer, cancellation))
                .Where(a => a.State == AssignmentState.Assigned && a.Round!.DueAt < now).ToList();
            if (overdue.Count == 0)
            {
                continue;
            }

            if (await reminder.QueueAsync(ReminderKind.OverdueReviews, reviewer, occasion, to, Title(overdue.Count), Body(to, overdue), cancellation))
            {
                reminded++;
                reviews += overdue.Count;
            }
        }

        return new(reminded, reminded == 0 ? "No reviewer was due a reminder"
            : $"{reminded} {(reminded == 1 ? "reviewer" : "reviewers")} reminded of {reviews} overdue {(reviews == 1 ? "review" : "reviews")}");
    }

    private static string Title(int count) => count == 1 ? "1 review is past its due date" : $"{count} reviews are past their due date";

    private string Body(Reminder.Recipient to, List<ReviewAssignment> overdue)
    {
        var text = new StringBuilder($"Dear {to.Name},\n\nThese reviews assigned to you are past their round's due date:\n\n");
        foreach (var round in overdue.GroupBy(a => a.Round!).OrderBy(g => g.Key.DueAt))
        {
            var count = round.Count();
            text.Append(CultureInfo.InvariantCulture, $"- {round.Key.Name}: {count} {(count == 1 ? "review" : "reviews")}, due {MailTime.Say(round.Key.DueAt!.Value, to.TimeZoneId)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nPlease submit them, or decline any you cannot do so they can be reassigned: {links.Link("/review/assignments")}\n");
        return text.ToString();
    }
}
