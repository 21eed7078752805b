using Cohort.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Mail;

public static class MailServices
{
    /// <summary>The mail settings, checked at start, and the services that put mail in the outbox. The host that sends it adds <see cref="OutboxDispatcher"/>.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MailOptions>(configuration.GetSection(MailOptions.Section)).Check(MailOptions.Problems);
        return services.AddScopedEach(typeof(Outbox), typeof(SendTemplatedMail));
    }
}
