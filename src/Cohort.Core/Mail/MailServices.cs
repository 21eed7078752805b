using Cohort.Core.Configuration;
using Cohort.Core.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Mail;

public static class MailServices
{
    /// <summary>The mail settings, checked at start, the services that put mail in the outbox, and the job that sends it.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MailOptions>(configuration.GetSection(MailOptions.Section)).Check(MailOptions.Problems);
        services.AddSingleton<OutboxDispatcher>();
        services.AddJob<SendOutbox>(SendOutbox.Name, "Send the mail outbox over SMTP", TimeSpan.FromSeconds(5));
        return services.AddScopedEach(typeof(Outbox), typeof(SendTemplatedMail));
    }
}
