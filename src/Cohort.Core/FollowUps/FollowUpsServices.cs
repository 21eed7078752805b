using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.FollowUps;

public static class FollowUpsServices
{
    /// <summary>The services of interviews and work tests.</summary>
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddScoped<PublishInterviewSlot>();
        services.AddScoped<InterviewMail>();
        services.AddScoped<BookInterview>();
        services.AddScoped<CancelInterview>();
        services.AddScoped<SetWorkTest>();
        services.AddScoped<SubmitWorkTest>();
        return services;
    }
}
