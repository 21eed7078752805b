using Cohort.Core.Accounts;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

/// <summary>
/// Puts stage 2 attempts straight into a database, closed and automatically scored as the app would, so reviewer
/// tests do not depend on the demo season's dates or on stage 1.
/// </summary>
public static class AssessmentStageAttempts
{
    /// <summary>An assessment of the current season: a multiple-choice item scored automatically, and one item of each kind reviewers score.</summary>
    public static async Task<Assessment> AssessmentAsync(CohortDbContext db, DateTime now)
    {
        var assessment = new Assessment
        {
            TrackId = await db.Tracks.Where(t => t.Season!.IsCurrent).Select(t => t.Id).FirstAsync(),
            Slug = $"review-{Guid.NewGuid():N}"[..24],
            Title = "Reviewed assessment",
            OpensAt = now.AddDays(-2),
            ClosesAt = now.AddDays(2),
            Items =
            {
                new AssessmentItem { Position = 0, Kind = ItemKind.MultipleChoice, Points = 2, Prompt = "Pick", ChoicesText = "Yes\nNo", AnswerKey = "Yes" },
                new AssessmentItem { Position = 1, Kind = ItemKind.FreeText, Points = 5, Prompt = "Explain the confound", RubricText = "2 for the confound, 3 for the test" },
                new AssessmentItem { Position = 2, Kind = ItemKind.Code, Points = 10, Prompt = "Write the probe", RubricText = "Split without leakage" },
                new AssessmentItem { Position = 3, Kind = ItemKind.File, Points = 4, Prompt = "Link your notebook", RubricText = "Runs end to end" },
            },
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment;
    }

    /// <summary>The same assessment as a follow-up of the stream <paramref name="streamSlug"/>, which its mentors judge, not reviewers.</summary>
    public static async Task<Assessment> FollowUpAsync(CohortDbContext db, DateTime now, string streamSlug)
    {
        var assessment = await AssessmentAsync(db, now);
        var stream = await db.Streams.SingleAsync(s => s.Slug == streamSlug && s.Track!.Season!.IsCurrent);
        (assessment.TrackId, assessment.StreamId) = (stream.TrackId, stream.Id);
        await db.SaveChangesAsync();
        return assessment;
    }

    /// <summary>An account that never signs in here (an applicant or a reviewer acting through use cases), with its id.</summary>
    public static async Task<string> AccountAsync(CohortDbContext db, string name, string email)
    {
        var user = new CohortUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>
    /// The applicant's attempt with <paramref name="answers"/> (by item kind), handed in at <paramref name="now"/> and
    /// scored automatically, or still running when <paramref name="handedIn"/> is false.
    /// </summary>
    public static async Task<Attempt> AttemptAsync(CohortDbContext db, Assessment assessment, string applicantId,
        IReadOnlyDictionary<ItemKind, string> answers, DateTime now, bool handedIn = true)
    {
        var attempt = new Attempt { AssessmentId = assessment.Id, ApplicantId = applicantId, StartedAt = now.AddMinutes(-30), Deadline = now.AddMinutes(30), UpdatedAt = now };
        foreach (var (kind, value) in answers)
        {
            attempt.Answers.Add(new AttemptAnswer { ItemId = assessment.Items.Single(i => i.Kind == kind).Id, Value = value, SavedAt = now });
        }

        if (handedIn)
        {
            attempt.SubmittedAt = now;
            attempt.Close(now, assessment.Items);
        }

        db.Attempts.Add(attempt);
        await db.SaveChangesAsync();
        return attempt;
    }

    public static int AnswerId(Attempt attempt, Assessment assessment, ItemKind kind) =>
        attempt.Answers.Single(a => a.ItemId == assessment.Items.Single(i => i.Kind == kind).Id).Id;
}
