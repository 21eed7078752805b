using Cohort.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Reminders;

public static class RemindersServices
{
    /// <summary>The reminder jobs: drafts not submitted before a deadline, and reviews past their due date.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services) => services
        .AddJob<DraftReminders>(DraftReminders.Name, "Remind applicants of drafts not submitted, 48 h and 6 h before the deadline", TimeSpan.FromMinutes(15))
        .AddJob<OverdueReviewReminders>(OverdueReviewReminders.Name, "Remind reviewers of reviews past their due date", TimeSpan.FromDays(1))
        .AddScopedEach(typeof(Reminder));
}
