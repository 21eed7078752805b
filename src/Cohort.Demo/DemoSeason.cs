using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

/// <summary>A demo account, printed at a development start so a newcomer can sign in as each role; its purpose says what to try with it.</summary>
public sealed record DemoAccount(string Role, string Email, string Password, string DisplayName, string Purpose = "");

/// <summary>
/// Seeds the fictional Halyard Fellowship, its dates counted from the seeding day (<see cref="DemoCalendar"/>), and
/// the demo accounts. It runs only in Development or by `cohort seed demo`, and seeds only once: a second start keeps
/// whatever is in the database.
/// </summary>
public sealed class DemoSeason(ImportCatalogue import, CreateAccount accounts, UserManager<CohortUser> users, CohortDbContext db, TimeProvider clock)
{
    /// <summary>The demo mentor account is linked to this mentor, who co-mentors the coalition stream.</summary>
    public const string DemoMentorSlug = "ada-okafor";

    /// <summary>The second mentor account is linked to this mentor, who mentors a stream of her own.</summary>
    public const string SoloMentorSlug = "hana-kowalczyk";

    /// <summary>The organisation of the demo reviewer's profile in the demo season's pool.</summary>
    public const string DemoReviewerOrganisation = "Cohort demo";

    public static DemoAccount Admin { get; } = new(Roles.Admin, "admin@demo.cohort.test", "demo-admin-password", "Demo Admin",
        "runs the season: review rounds, decisions, the match and its offers");

    public static DemoAccount CoalitionMentor { get; } = new(Roles.Mentor, "mentor@demo.cohort.test", "demo-mentor-password", "Demo Mentor",
        "co-mentors the Control Coalition with three others (Ada Okafor's stream)");

    public static DemoAccount Reviewer { get; } = new(Roles.Reviewer, "reviewer@demo.cohort.test", "demo-reviewer-password", "Demo Reviewer",
        "reviews applications in the season's review rounds");

    /// <summary>No application yet: sign in (or sign up anew) to walk stage 1 onward.</summary>
    public static DemoAccount FreshApplicant { get; } = new(Roles.Applicant, "applicant@postbox.test", "demo-applicant-password", "Demo Applicant",
        "has not applied yet: walk stage 1, then stages 2 and 3 once an admin advances you");

    public static DemoAccount SoloMentor { get; } = new(Roles.Mentor, "mentor.solo@demo.cohort.test", "demo-solo-mentor-password", "Demo Solo Mentor",
        "mentors Deception and Honeypot Evaluations alone (Hana Kowalczyk's stream)");

    /// <summary>
    /// A 2026 fellow of the demo mentor's stream (<see cref="DemoProgramme"/>), with the demo's activity only: hands in
    /// milestones and reads the mentor's sign-offs on /portal/fellowship.
    /// </summary>
    public static DemoAccount Fellow { get; } = new(Roles.Applicant, "fellow@demo.cohort.test", "demo-fellow-password", "Demo Fellow",
        "a 2026 fellow of the demo mentor's stream: milestones, sign-offs and check-ins on /portal/fellowship");

    /// <summary>One account per role, as the tests have always found them (<c>Accounts.Single(a => a.Role == ...)</c>).</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } = [Admin, CoalitionMentor, Reviewer, FreshApplicant];

    /// <summary>Every account the demo season itself creates: one per role and the second mentor.</summary>
    public static IReadOnlyList<DemoAccount> SeasonAccounts { get; } = [.. Accounts, SoloMentor];

    /// <summary>The catalogue as written, its dates still tokens of <see cref="DemoCalendar"/>.</summary>
    public static string CatalogueTemplate()
    {
        using var stream = typeof(DemoSeason).Assembly.GetManifestResourceStream("Cohort.Demo.demo-season.json")
            ?? throw new InvalidOperationException("The demo season resource is missing from Cohort.Demo.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The catalogue with its dates counted from <paramref name="calendar"/>'s day.</summary>
    public static string CatalogueJson(DemoCalendar calendar)
    {
        var json = calendar.Resolve(CatalogueTemplate());
        return json.Contains("{{", StringComparison.Ordinal)
            ? throw new InvalidOperationException("The demo catalogue has a date token DemoCalendar does not know: " + json[json.IndexOf("{{", StringComparison.Ordinal)..].Split("}}")[0] + "}}")
            : json;
    }

    /// <summary>
    /// Seeds what is missing, its dates counted from <paramref name="day"/> (today by the injected clock when null);
    /// returns false when the demo was already there (its admin account exists).
    /// </summary>
    public async Task<bool> SeedAsync(DateOnly? day = null, CancellationToken cancellation = default)
    {
        if (await users.FindByEmailAsync(Admin.Email) is not null)
        {
            return false;
        }

        var calendar = day is { } d ? new DemoCalendar(d) : DemoCalendar.Today(clock);
        var outcome = await import.FromJsonAsync(CatalogueJson(calendar), Actor.System, cancellation);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The demo season does not import: " + string.Join("; ", outcome.Problems));
        }

        foreach (var account in SeasonAccounts)
        {
            await EnsureAccountAsync(accounts, users, account);
        }

        var season = await db.Seasons.SingleAsync(s => s.Slug == calendar.SeasonSlug, cancellation);
        await LinkMentorAsync(season, DemoMentorSlug, CoalitionMentor, cancellation);
        await LinkMentorAsync(season, SoloMentorSlug, SoloMentor, cancellation);
        await AddDemoReviewerToPoolAsync(season, cancellation);
        await AddGeneralApplicationAsync(season, cancellation);
        await DemoStreamQuestions.SeedAsync(db, season.Id, cancellation);
        await DemoAssessments.AddAsync(db, season.Slug, cancellation);
        db.MatchSettings.Add(new MatchSettings { SeasonId = season.Id, RankingDeadline = calendar.RankingDeadline });
        await db.SaveChangesAsync(cancellation);
        return true;
    }

    /// <summary>Creates <paramref name="account"/> unless its address is taken already.</summary>
    internal static async Task<CohortUser> EnsureAccountAsync(CreateAccount accounts, UserManager<CohortUser> users, DemoAccount account)
    {
        if (await users.FindByEmailAsync(account.Email) is { } existing)
        {
            return existing;
        }

        var created = await accounts.RunAsync(account.Email, account.Password, account.DisplayName, account.Role, Actor.System);
        return created.Succeeded && await users.FindByEmailAsync(account.Email) is { } user
            ? user
            : throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
    }

    private async Task AddGeneralApplicationAsync(Season season, CancellationToken cancellation)
    {
        var generalStage = await db.Stages.FirstAsync(s => s.Kind == StageKind.General
            && s.TrackId == db.Tracks.Where(t => t.SeasonId == season.Id).Min(t => t.Id), cancellation);
        db.ApplicationForms.Add(DemoApplicationForm.For(season, generalStage));
        await db.SaveChangesAsync(cancellation);
    }

    private async Task LinkMentorAsync(Season season, string mentorSlug, DemoAccount account, CancellationToken cancellation)
    {
        var user = await users.FindByEmailAsync(account.Email);
        var mentor = await db.Mentors.SingleAsync(m => m.SeasonId == season.Id && m.Slug == mentorSlug, cancellation);
        mentor.UserId = user!.Id;
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>The demo reviewer reviews the demo season: the Reviewer role alone opens nothing without a profile in its pool.</summary>
    private async Task AddDemoReviewerToPoolAsync(Season season, CancellationToken cancellation)
    {
        var user = await users.FindByEmailAsync(Reviewer.Email);
        db.ReviewerProfiles.Add(new ReviewerProfile
        {
            SeasonId = season.Id, UserId = user!.Id, Organisation = DemoReviewerOrganisation, ExpertiseText = "evaluations\ninterpretability", MinLoad = 0, MaxLoad = 40,
            ExpertiseStatement = "I build evaluations that ask whether a model's stated reasoning matches what it computes, "
                + "and I read circuits in small transformers to check what those evaluations miss.",
        });
        await db.SaveChangesAsync(cancellation);
    }
}
