using Cohort.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Programme;

public static class ProgrammeServices
{
    /// <summary>
    /// The programme after the match: milestones, submissions, sign-offs and check-ins, and the milestone reminders. The
    /// reminders run hourly: due dates are set to the minute, so a daily run would send "due in 3 days" up to a day
    /// late and the overdue mail up to a day after the deadline, while an hourly run costs one small query.
    /// </summary>
    public static IServiceCollection AddProgramme(this IServiceCollection services) => services
        .AddJob<MilestoneReminders>(MilestoneReminders.Name, "Remind fellows of milestones due soon and overdue", TimeSpan.FromHours(1))
        .AddScopedEach(typeof(SaveMilestone), typeof(SubmitMilestone), typeof(SignOffMilestone), typeof(RecordCheckIn), typeof(MentorAssessment));
}
