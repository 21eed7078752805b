using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.FollowUps;
using Cohort.Core.Mail;
using Cohort.Core.StreamApplications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cohort.Core.Data;

public class CohortDbContext(DbContextOptions<CohortDbContext> options)
    : IdentityDbContext<CohortUser>(options), IDataProtectionKeyContext
{
    private readonly PublicContentVersion? publicContent;

    /// <summary>The context as services make it: its saves tell this process's <see cref="PublicContentVersion"/> at once.</summary>
    public CohortDbContext(DbContextOptions<CohortDbContext> options, PublicContentVersion publicContent)
        : this(options) => this.publicContent = publicContent;

    public DbSet<Season> Seasons => Set<Season>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<Stage> Stages => Set<Stage>();
    public DbSet<ResearchStream> Streams => Set<ResearchStream>();
    public DbSet<Mentor> Mentors => Set<Mentor>();
    public DbSet<StreamMentor> StreamMentors => Set<StreamMentor>();
    public DbSet<KeyDate> KeyDates => Set<KeyDate>();
    public DbSet<FaqEntry> Faq => Set<FaqEntry>();
    public DbSet<PublicContentStamp> PublicContentStamps => Set<PublicContentStamp>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RoleInvitation> RoleInvitations => Set<RoleInvitation>();
    public DbSet<Api.ApiToken> ApiTokens => Set<Api.ApiToken>();
    public DbSet<Api.IdempotentRequest> IdempotentRequests => Set<Api.IdempotentRequest>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApplicationForm> ApplicationForms => Set<ApplicationForm>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Pipeline.StageEntry> StageEntries => Set<Pipeline.StageEntry>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<Assessments.Assessment> Assessments => Set<Assessments.Assessment>();
    public DbSet<Assessments.Attempt> Attempts => Set<Assessments.Attempt>();
    public DbSet<Assessments.AnswerReview> AnswerReviews => Set<Assessments.AnswerReview>();
    public DbSet<StreamQuestion> StreamQuestions => Set<StreamQuestion>();
    public DbSet<StreamApplication> StreamApplications => Set<StreamApplication>();
    public DbSet<StreamAnswer> StreamAnswers => Set<StreamAnswer>();
    public DbSet<InterviewSlot> InterviewSlots => Set<InterviewSlot>();
    public DbSet<WorkTest> WorkTests => Set<WorkTest>();
    public DbSet<WorkTestSubmission> WorkTestSubmissions => Set<WorkTestSubmission>();
    public DbSet<Review.ReviewerProfile> ReviewerProfiles => Set<Review.ReviewerProfile>();
    public DbSet<Review.Bid> Bids => Set<Review.Bid>();
    public DbSet<Review.Rubric> Rubrics => Set<Review.Rubric>();
    public DbSet<Review.ReviewRound> ReviewRounds => Set<Review.ReviewRound>();
    public DbSet<Review.ReviewAssignment> ReviewAssignments => Set<Review.ReviewAssignment>();
    public DbSet<Review.ReviewSubmission> ReviewSubmissions => Set<Review.ReviewSubmission>();
    public DbSet<Review.BlindSettings> BlindSettings => Set<Review.BlindSettings>();
    public DbSet<Review.ScoreWeight> ScoreWeights => Set<Review.ScoreWeight>();
    public DbSet<Preferences.StreamPreference> StreamPreferences => Set<Preferences.StreamPreference>();
    public DbSet<Preferences.MentorPreferenceInput> MentorPreferenceInputs => Set<Preferences.MentorPreferenceInput>();
    public DbSet<Preferences.ApplicantStreamPreference> ApplicantStreamPreferences => Set<Preferences.ApplicantStreamPreference>();
    public DbSet<Match.MatchSettings> MatchSettings => Set<Match.MatchSettings>();
    public DbSet<Match.MatchRun> MatchRuns => Set<Match.MatchRun>();
    public DbSet<Match.Offer> Offers => Set<Match.Offer>();
    public DbSet<Match.UnplacedApplicant> UnplacedApplicants => Set<Match.UnplacedApplicant>();
    public DbSet<Projects.Project> Projects => Set<Projects.Project>();
    public DbSet<Projects.ProjectMentor> ProjectMentors => Set<Projects.ProjectMentor>();
    public DbSet<Projects.FellowProjectPreference> FellowProjectPreferences => Set<Projects.FellowProjectPreference>();
    public DbSet<Projects.ProjectPreference> ProjectPreferences => Set<Projects.ProjectPreference>();
    public DbSet<Jobs.ScheduledJob> ScheduledJobs => Set<Jobs.ScheduledJob>();
    public DbSet<Reminders.SentReminder> SentReminders => Set<Reminders.SentReminder>();
    public DbSet<Privacy.ErasureRequest> ErasureRequests => Set<Privacy.ErasureRequest>();
    public DbSet<Programme.Fellowship> Fellowships => Set<Programme.Fellowship>();
    public DbSet<Programme.Milestone> Milestones => Set<Programme.Milestone>();
    public DbSet<Programme.MilestoneSubmission> MilestoneSubmissions => Set<Programme.MilestoneSubmission>();
    public DbSet<Programme.CheckIn> CheckIns => Set<Programme.CheckIn>();
    public DbSet<Artifacts.Artifact> Artifacts => Set<Artifacts.Artifact>();
    public DbSet<Artifacts.ArtifactAuthor> ArtifactAuthors => Set<Artifacts.ArtifactAuthor>();
    public DbSet<Extensions.ExtensionRound> ExtensionRounds => Set<Extensions.ExtensionRound>();
    public DbSet<Extensions.ExtensionQuestion> ExtensionQuestions => Set<Extensions.ExtensionQuestion>();
    public DbSet<Extensions.ExtensionApplication> ExtensionApplications => Set<Extensions.ExtensionApplication>();
    public DbSet<Extensions.ExtensionAnswer> ExtensionAnswers => Set<Extensions.ExtensionAnswer>();
    public DbSet<Extensions.ExtensionEndorsement> ExtensionEndorsements => Set<Extensions.ExtensionEndorsement>();
    public DbSet<Embeddings.TextEmbedding> TextEmbeddings => Set<Embeddings.TextEmbedding>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CohortDbContext).Assembly);
        ModelConventions.Apply(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detectedOnce = DetectChangesOnce();
        var stamp = PrepareSave();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Announce(stamp);
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detectedOnce = DetectChangesOnce();
        var stamp = PrepareSave();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Announce(stamp);
        return saved;
    }

    /// <summary>
    /// Detects changes once for the whole save. Left on, EF detects them again for every pass over the tracked entries
    /// (the version bump, the public-content check) and once more in the base save: three scans of everything the
    /// context tracks, over half of the demo seed's main thread in a profile (docs/performance.md, "Test suite").
    /// The passes below change entries through EF's property entries, which mark them modified without a scan.
    /// </summary>
    private AutoDetectRestorer DetectChangesOnce()
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        if (detecting)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return new AutoDetectRestorer(ChangeTracker, detecting);
    }

    private readonly struct AutoDetectRestorer(ChangeTracker tracker, bool detecting) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = detecting;
    }

    private Guid? PrepareSave()
    {
        BumpVersions();
        return StampPublicContent();
    }

    /// <summary>
    /// When this save adds, changes or removes anything visitors see, gives the stamp row a new value in the same
    /// save, so every process's cached public pages are retired by the commit that made them stale, whoever made it.
    /// </summary>
    private Guid? StampPublicContent()
    {
        if (!ChangeTracker.Entries<IPublicContent>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return null;
        }

        var stamp = PublicContentStamps.Local.FirstOrDefault(s => s.Id == PublicContentStamp.OnlyId);
        if (stamp is null)
        {
            stamp = new PublicContentStamp { Id = PublicContentStamp.OnlyId };
            PublicContentStamps.Attach(stamp);
        }

        var value = Guid.NewGuid();
        Entry(stamp).Property(s => s.Value).CurrentValue = value;
        return value;
    }

    /// <summary>This process's own pages need not wait for the next poll of the stamp: they are retired at once.</summary>
    private void Announce(Guid? stamp)
    {
        if (stamp is { } value)
        {
            publicContent?.Saw(value);
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Property(e => e.Version).CurrentValue++;
            }
        }
    }
}
