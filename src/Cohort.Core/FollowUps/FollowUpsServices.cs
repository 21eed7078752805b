using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.FollowUps;

public static class FollowUpsServices
{
    /// <summary>The services of interviews and work tests.</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services) => services.AddScopedEach(
        typeof(PublishInterviewSlot), typeof(InterviewMail), typeof(BookInterview), typeof(CancelInterview),
        typeof(SetWorkTest), typeof(SubmitWorkTest));
}
