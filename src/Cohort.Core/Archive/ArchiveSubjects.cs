using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Artifacts;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Extensions;
using Cohort.Core.FollowUps;
using Cohort.Core.Match;
using Cohort.Core.Projects;
using Cohort.Core.Reminders;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;

namespace Cohort.Core.Archive;

/// <summary>
/// The audit log and the sent reminders carry no foreign key, only a subject such as "review-round:12" or
/// "user:ada@example.org". An archive keeps the entries whose subject names one of its own rows, by the names below;
/// subjects of the installation (tokens, jobs, the mail queue, stage kinds) name nothing a season holds.
/// </summary>
public static class ArchiveSubjects
{
    /// <summary>Each subject kind and the archived column whose values it names.</summary>
    public static IReadOnlyList<(string Kind, Type Entity, string Column)> Names { get; } =
    [
        ("season", typeof(Season), nameof(Season.Id)),
        ("season", typeof(Season), nameof(Season.Slug)),
        ("stream", typeof(ResearchStream), nameof(ResearchStream.Id)),
        ("mentor", typeof(Mentor), nameof(Mentor.Slug)),
        ("keydate", typeof(KeyDate), nameof(KeyDate.Title)),
        ("question", typeof(Question), nameof(Question.Key)),
        ("application", typeof(Application), nameof(Application.Id)),
        ("stream-application", typeof(StreamApplication), nameof(StreamApplication.Id)),
        ("assessment", typeof(Assessment), nameof(Assessment.Slug)),
        ("attempt", typeof(Attempt), nameof(Attempt.Id)),
        ("interview-slot", typeof(InterviewSlot), nameof(InterviewSlot.Id)),
        ("review-round", typeof(ReviewRound), nameof(ReviewRound.Id)),
        ("review-round", typeof(ReviewRound), nameof(ReviewRound.Name)),
        ("assignment", typeof(ReviewAssignment), nameof(ReviewAssignment.Id)),
        ("match-run", typeof(MatchRun), nameof(MatchRun.Id)),
        ("project-assignment-run", typeof(MatchRun), nameof(MatchRun.Id)),
        ("offer", typeof(Offer), nameof(Offer.Id)),
        ("project", typeof(Project), nameof(Project.Id)),
        ("fellowship", typeof(Programme.Fellowship), nameof(Programme.Fellowship.Id)),
        ("milestone", typeof(Programme.Milestone), nameof(Programme.Milestone.Id)),
        ("artifact", typeof(Artifact), nameof(Artifact.Id)),
        ("extension-round", typeof(ExtensionRound), nameof(ExtensionRound.Id)),
        ("extension-application", typeof(ExtensionApplication), nameof(ExtensionApplication.Id)),
        ("invitation", typeof(RoleInvitation), nameof(RoleInvitation.Email)),
        ("user", typeof(CohortUser), nameof(CohortUser.Id)),
        ("user", typeof(CohortUser), nameof(CohortUser.Email)),
        ("reviewer", typeof(CohortUser), nameof(CohortUser.Email)),
    ];

    /// <summary>The subject a subject-kept row names, as "kind:value".</summary>
    public static string SubjectOf(Type entity, IReadOnlyDictionary<string, object?> row) => entity == typeof(AuditEntry)
        ? (string)row[nameof(AuditEntry.Subject)]!
        : ReminderSubject((ReminderKind)row[nameof(SentReminder.Kind)]!, (string)row[nameof(SentReminder.Subject)]!);

    /// <summary>"kind:value" for one archived row's value, as <see cref="SubjectOf"/> writes subjects.</summary>
    public static string Name(string kind, object value) => $"{kind}:{Convert.ToString(value, CultureInfo.InvariantCulture)}";

    /// <summary>A milestone reminder's subject is "fellowship:milestone": it is kept with its fellowship.</summary>
    private static string ReminderSubject(ReminderKind kind, string subject) => kind switch
    {
        ReminderKind.GeneralDraft => $"application:{subject}",
        ReminderKind.StreamDraft => $"stream-application:{subject}",
        ReminderKind.AssessmentAttempt => $"attempt:{subject}",
        ReminderKind.OverdueReviews => $"user:{subject}",
        ReminderKind.MilestoneDue or ReminderKind.MilestoneOverdue => $"fellowship:{subject.Split(':')[0]}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a reminder kind the archive does not know"),
    };
}
