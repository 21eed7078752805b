using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Configuration;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core;

public static class CoreServices
{
    /// <summary>The domain's services, shared by the web app and the command line. Identity is added by each host.</summary>
    public static IServiceCollection AddCohortCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCohortDatabase(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSettings<MailOptions>(configuration.GetSection(MailOptions.Section)).Check(MailOptions.Problems);
        services.AddScoped<AuditLog>();
        services.AddScoped<Outbox>();
        services.AddScoped<AccountRoles>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<ConfirmationMail>();
        services.AddScoped<SignUp>();
        services.AddScoped<ConfirmEmail>();
        services.AddScoped<ResendConfirmation>();
        services.AddScoped<SendInvitation>();
        services.AddScoped<RevokeInvitation>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ImportCatalogue>();
        services.AddScoped<ExportCatalogue>();
        services.AddScoped<DemoSeason>();
        services.AddScoped<DemoActivity>();
        services.AddScoped<DemoPastSeason>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<StoreUpload>();
        services.AddScoped<Pipeline.FindApplications>();
        services.AddScoped<Admin.NeedsAttention>();
        services.AddScoped<Pipeline.DecideApplications>();
        services.AddScoped<SendTemplatedMail>();
        services.AddScoped<Assessments.StartAttempt>();
        services.AddScoped<Assessments.SaveAttemptAnswers>();
        services.AddScoped<Assessments.SubmitAttempt>();
        services.AddScoped<Assessments.ScoreAnswer>();
        services.AddScoped<WithdrawApplication>();
        services.AddScoped<StreamApplications.ChooseStreams>();
        services.AddScoped<StreamApplications.SaveStreamAnswers>();
        services.AddScoped<StreamApplications.SubmitStreamApplication>();
        services.AddScoped<StreamApplications.WithdrawStreamApplication>();
        services.AddScoped<Preferences.SaveStreamPreferences>();
        services.AddScoped<Preferences.SaveMentorInput>();
        services.AddScoped<Preferences.SaveApplicantPreferences>();
        services.AddScoped<FollowUps.PublishInterviewSlot>();
        services.AddScoped<FollowUps.InterviewMail>();
        services.AddScoped<FollowUps.BookInterview>();
        services.AddScoped<FollowUps.CancelInterview>();
        services.AddScoped<FollowUps.SetWorkTest>();
        services.AddScoped<FollowUps.SubmitWorkTest>();
        services.AddScoped<Review.CompositeWeights>();
        services.AddScoped<Review.FindScoreTable>();
        services.AddScoped<Review.CreateReviewRound>();
        services.AddScoped<Review.ChangeReviewRoundState>();
        services.AddScoped<Review.AssignReviewers>();
        services.AddScoped<Review.AssignReviewersByHand>();
        services.AddScoped<Review.DeclineAssignment>();
        services.AddScoped<Review.SubmitReview>();
        services.AddScoped<Match.RunMatch>();
        services.AddScoped<Match.MatchScores>();
        services.AddScoped<Match.LapseOverdueOffers>();
        services.AddScoped<Match.PublishMatch>();
        services.AddScoped<Match.RespondToOffer>();
        services.AddScoped<Projects.PitchProject>();
        services.AddScoped<Projects.PitchOwnProject>();
        services.AddScoped<Projects.EditProject>();
        services.AddScoped<Projects.DecidePitch>();
        services.AddScoped<Projects.SaveFellowProjectPreferences>();
        services.AddScoped<Projects.SaveProjectPreferences>();
        services.AddScoped<Projects.RunProjectAssignment>();
        services.AddScoped<Projects.PublishProjectAssignment>();
        return services;
    }
}
