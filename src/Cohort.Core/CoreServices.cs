using Cohort.Core.Accounts;
using Cohort.Core.Admin;
using Cohort.Core.Analytics;
using Cohort.Core.Api;
using Cohort.Core.Archive;
using Cohort.Core.Artifacts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Exports;
using Cohort.Core.Extensions;
using Cohort.Core.FollowUps;
using Cohort.Core.Imports;
using Cohort.Core.Jobs;
using Cohort.Core.Mail;
using Cohort.Core.Match;
using Cohort.Core.Operations;
using Cohort.Core.Pipeline;
using Cohort.Core.Preferences;
using Cohort.Core.Privacy;
using Cohort.Core.Programme;
using Cohort.Core.Projects;
using Cohort.Core.Reminders;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core;

public static class CoreServices
{
    /// <summary>
    /// The domain's services, shared by the web app and the command line: the database, the clock, and each feature's
    /// own list (<c>Add{Feature}</c> in the feature's folder). Identity is added by each host.
    /// </summary>
    public static IServiceCollection AddCohortCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCohortDatabase(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddTelemetry();
        services.AddAudit();
        services.AddJobs(configuration);
        services.AddMail(configuration);
        services.AddAccounts();
        services.AddApiTokens();
        services.AddCatalogue();
        services.AddApplications();
        services.AddPipeline();
        services.AddAdmin();
        services.AddAssessments();
        services.AddStreamApplications();
        services.AddPreferences();
        services.AddFollowUps();
        services.AddReview();
        services.AddAffinityBlend(configuration);
        services.AddMatch();
        services.AddProjects();
        services.AddArtifacts();
        services.AddProgramme();
        services.AddOperations();
        services.AddReminders();
        services.AddPrivacy(configuration);
        services.AddImports();
        services.AddSeasonArchive();
        services.AddExports();
        services.AddExtensions();
        services.AddAnalytics();
        services.AddEmbeddings();
        return services;
    }

    /// <summary>
    /// Registers each type as itself, scoped to a request: a feature's use cases and queries share the request's unit
    /// of work. Each feature names its own types in its <c>Add{Feature}</c>, so the list can be read and grepped.
    /// </summary>
    internal static IServiceCollection AddScopedEach(this IServiceCollection services, params Type[] types)
    {
        foreach (var type in types)
        {
            services.AddScoped(type);
        }

        return services;
    }
}
