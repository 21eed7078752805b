using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Seeding;

/// <summary>A demo account, printed at a development start so a newcomer can sign in as each role.</summary>
public sealed record DemoAccount(string Role, string Email, string Password, string DisplayName);

/// <summary>
/// Seeds the fictional Halyard Fellowship 2027 and one account per role. It runs only in Development or by
/// `cohort seed demo`, and seeds only once: a second start keeps whatever is in the database.
/// </summary>
public sealed class DemoSeason(ImportCatalogue import, CreateAccount accounts, UserManager<CohortUser> users, CohortDbContext db, TimeProvider clock)
{
    public const string SeasonSlug = "2027";

    /// <summary>The demo mentor account is linked to this mentor, who co-mentors the coalition stream.</summary>
    public const string DemoMentorSlug = "ada-okafor";

    /// <summary>The organisation of the demo reviewer's profile in the demo season's pool.</summary>
    public const string DemoReviewerOrganisation = "Cohort demo";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new(Roles.Admin, "admin@demo.cohort.test", "demo-admin-password", "Demo Admin"),
        new(Roles.Mentor, "mentor@demo.cohort.test", "demo-mentor-password", "Demo Mentor"),
        new(Roles.Reviewer, "reviewer@demo.cohort.test", "demo-reviewer-password", "Demo Reviewer"),
        new(Roles.Applicant, "applicant@demo.cohort.test", "demo-applicant-password", "Demo Applicant"),
    ];

    public static string CatalogueJson()
    {
        using var stream = typeof(DemoSeason).Assembly.GetManifestResourceStream("Cohort.Core.Catalogue.Demo.demo-season.json")
            ?? throw new InvalidOperationException("The demo season resource is missing from Cohort.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Seeds what is missing; returns false when the demo season was already there.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellation = default)
    {
        if (await db.Seasons.AnyAsync(s => s.Slug == SeasonSlug, cancellation))
        {
            return false;
        }

        var outcome = await import.FromJsonAsync(CatalogueJson(), Actor.System, cancellation);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The demo season does not import: " + string.Join("; ", outcome.Problems));
        }

        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is null)
            {
                var created = await accounts.RunAsync(account.Email, account.Password, account.DisplayName, account.Role, Actor.System);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
        }

        await LinkDemoMentorAsync(cancellation);
        await AddDemoReviewerToPoolAsync(cancellation);
        await AddGeneralApplicationAsync(cancellation);
        await DemoStreamQuestions.SeedAsync(db, (await db.Seasons.SingleAsync(s => s.Slug == SeasonSlug, cancellation)).Id, cancellation);
        await DemoAssessments.AddAsync(db, SeasonSlug, cancellation);
        return true;
    }

    private async Task AddGeneralApplicationAsync(CancellationToken cancellation)
    {
        var season = await db.Seasons.SingleAsync(s => s.Slug == SeasonSlug, cancellation);
        var stageOne = await db.ProcessStages.Where(s => s.TrackId == db.Tracks.Where(t => t.SeasonId == season.Id).Min(t => t.Id))
            .OrderBy(s => s.Position).FirstAsync(cancellation);
        db.ApplicationForms.Add(DemoApplicationForm.For(season, stageOne, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellation);
    }

    private async Task LinkDemoMentorAsync(CancellationToken cancellation)
    {
        var user = await users.FindByEmailAsync(Accounts.Single(a => a.Role == Roles.Mentor).Email);
        var mentor = await db.Mentors.SingleAsync(m => m.Slug == DemoMentorSlug, cancellation);
        mentor.UserId = user!.Id;
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>The demo reviewer reviews the demo season: the Reviewer role alone opens nothing without a profile in its pool.</summary>
    private async Task AddDemoReviewerToPoolAsync(CancellationToken cancellation)
    {
        var user = await users.FindByEmailAsync(Accounts.Single(a => a.Role == Roles.Reviewer).Email);
        var season = await db.Seasons.SingleAsync(s => s.Slug == SeasonSlug, cancellation);
        db.ReviewerProfiles.Add(new Review.ReviewerProfile
        {
            SeasonId = season.Id, UserId = user!.Id, Organisation = DemoReviewerOrganisation, ExpertiseText = "evaluations\ninterpretability", MinLoad = 0, MaxLoad = 40,
        });
        await db.SaveChangesAsync(cancellation);
    }
}
