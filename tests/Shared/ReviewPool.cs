using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

/// <summary>Builds reviewer-assignment scenarios straight in the database: reviewers, applicants with an organisation, rubrics, rounds.</summary>
public static class ReviewPool
{
    /// <summary>
    /// Empties the pool, the rounds and the rubrics and withdraws every general application, so the next round of a test class's
    /// shared database reviews only the applications its test adds.
    /// </summary>
    public static async Task ResetAsync(CohortDbContext db)
    {
        db.ReviewRounds.RemoveRange(await db.ReviewRounds.Include(r => r.Assignments).ToListAsync());
        db.Rubrics.RemoveRange(await db.Rubrics.Include(r => r.Criteria).ToListAsync());
        db.ReviewerProfiles.RemoveRange(await db.ReviewerProfiles.Include(p => p.Conflicts).ToListAsync());
        foreach (var application in await db.Applications.Where(a => a.State != ApplicationState.Withdrawn).ToListAsync())
        {
            application.State = ApplicationState.Withdrawn;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>An account with no password (it never signs in), for applicants and reviewers a test only assigns.</summary>
    public static async Task<string> PersonAsync(CohortDbContext db, string email)
    {
        var user = new CohortUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = $"Person {email}", SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>Puts the account <paramref name="userId"/> in the current season's pool.</summary>
    public static async Task<int> ReviewerAsync(CohortDbContext db, string userId, string organisation = "", string expertise = "", string interests = "", int minLoad = 0, int maxLoad = 30)
    {
        var season = await db.Seasons.CurrentAsync() ?? throw new InvalidOperationException("No season.");
        var profile = new ReviewerProfile
        {
            SeasonId = season.Id, UserId = userId, Organisation = organisation, ExpertiseText = expertise, InterestsText = interests, MinLoad = minLoad, MaxLoad = maxLoad,
        };
        db.ReviewerProfiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    /// <summary>A submitted general application answering the organisation question and the motivation essay.</summary>
    public static async Task<int> ApplicationAsync(CohortDbContext db, string applicantId, string organisation = "", string motivation = "")
    {
        var form = await db.ApplicationForms.Include(f => f.Questions).SingleAsync(f => f.Kind == FormKind.General);
        var application = new Application { FormId = form.Id, ApplicantId = applicantId, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
        application.Answers.Add(new Answer { QuestionId = form.Questions.Single(q => q.Identity == IdentityFlag.Organisation).Id, Value = organisation });
        application.Answers.Add(new Answer { QuestionId = form.Questions.Single(q => q.Key == "motivation").Id, Value = motivation });
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    public static async Task<int> RubricAsync(CohortDbContext db, string name = "Stage 1 rubric")
    {
        var season = await db.Seasons.CurrentAsync() ?? throw new InvalidOperationException("No season.");
        var rubric = new Rubric { SeasonId = season.Id, Name = name };
        rubric.Criteria.Add(new RubricCriterion { Name = "Research taste", ScaleMin = 1, ScaleMax = 5 });
        db.Rubrics.Add(rubric);
        await db.SaveChangesAsync();
        return rubric.Id;
    }

    /// <summary>A draft stage 1 round asking <paramref name="reviewsPerApplication"/> reviews of each application.</summary>
    public static async Task<int> RoundAsync(CohortDbContext db, int reviewsPerApplication)
    {
        var season = await db.Seasons.CurrentAsync() ?? throw new InvalidOperationException("No season.");
        var round = new ReviewRound
        {
            SeasonId = season.Id, Name = $"Round {Guid.NewGuid():N}", Stage = StageKind.General, RubricId = await RubricAsync(db),
            ReviewsPerApplication = reviewsPerApplication, CreatedAt = DateTime.UtcNow,
        };
        db.ReviewRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    public static Task<List<ReviewAssignment>> AssignmentsAsync(CohortDbContext db, int roundId) =>
        db.ReviewAssignments.AsNoTracking().Where(a => a.RoundId == roundId).OrderBy(a => a.Id).ToListAsync();

    /// <summary>Declares that the reviewer of <paramref name="profileId"/> has a conflict with <paramref name="applicantId"/>.</summary>
    public static async Task DeclareAsync(CohortDbContext db, int profileId, string applicantId)
    {
        db.Set<DeclaredConflict>().Add(new DeclaredConflict { ReviewerProfileId = profileId, ApplicantId = applicantId, DeclaredAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
