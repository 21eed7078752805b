using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.FollowUps;
using Cohort.Core.Match;
using Cohort.Core.Projects;
using Cohort.Demo;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Projects;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Authorization;

/// <summary>
/// The app with the demo season in motion (48 applicants, review rounds, attempts, stream applications), plus what
/// the demo lacks for the owner (a booked interview, a work test handed in, a follow-up attempt, an offer, a pitch), and one browser
/// per persona, signed in once. Built on first use, once per database.
/// </summary>
public class MatrixApp(DatabaseProvider provider) : CohortApp(provider)
{
    public const string Password = "matrix persona passphrase";

    private Task<MatrixWorld>? world;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Cohort:SeedDemoActivity", "true"),
        // The matrix is about what each persona may reach, not about how an admin signs in.
        new("Cohort:RequireAdminTwoFactor", "false"),
    ];

    public Task<MatrixWorld> WorldAsync() => world ??= BuildAsync();

    private async Task<MatrixWorld> BuildAsync()
    {
        var (targets, ownerId) = await TargetsAsync();
        // The admin last: its POSTs may change the season, which no other persona must see.
        var personas = new List<(Persona, Browser)> { (Persona.Anonymous, NewBrowser()) };
        foreach (var persona in new[] { Persona.Applicant, Persona.OtherApplicant, Persona.Reviewer, Persona.OtherMentor, Persona.Admin })
        {
            personas.Add((persona, await this.AsAsync(await AccountAsync(persona, ownerId), Password)));
        }

        return new MatrixWorld(this, targets, ownerId, personas);
    }

    /// <summary>Picks the owner among the demo applicants and gives them one object of every kind a route can name.</summary>
    private async Task<(Targets Targets, string OwnerId)> TargetsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var seasonId = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
        var coalition = await db.Streams.SingleAsync(s => s.Slug == StreamsStageData.Coalition && s.Track!.SeasonId == seasonId);
        var owned = await db.StreamApplications.Where(a => a.StreamId == coalition.Id && a.State == ApplicationState.Submitted).OrderBy(a => a.Id).FirstAsync();
        var owner = owned.ApplicantId;
        var general = await db.Applications.SingleAsync(a => a.ApplicantId == owner);
        var assignment = await db.ReviewAssignments.Include(a => a.Round)
            .Where(a => a.SubjectId == general.Id && a.Round!.Stage == StageKind.General).OrderBy(a => a.Id).FirstAsync();

        var followUp = await AssessmentStageAttempts.FollowUpAsync(db, now, coalition.Slug);
        var attempt = await AssessmentStageAttempts.AttemptAsync(db, followUp, owner, new Dictionary<ItemKind, string> { [ItemKind.FreeText] = "The owner's attack." }, now);
        // The demo gives the coalition interview slots and a work test: the owner books one and hands the test in.
        var slot = await db.InterviewSlots.Where(s => s.StreamId == coalition.Id).OrderBy(s => s.Id).FirstAsync();
        (slot.BookedById, slot.BookedAt) = (owner, now);
        var workTest = await db.WorkTests.SingleAsync(t => t.StreamId == coalition.Id);
        db.WorkTestSubmissions.Add(new WorkTestSubmission
        {
            WorkTestId = workTest.Id, ApplicantId = owner, SubmittedAt = now,
            File = new StoredFile { OwnerId = owner, FileName = "work-test.pdf", ContentType = "application/pdf", Content = "%PDF-1.7\n%%EOF\n"u8.ToArray(), Length = 15, UploadedAt = now },
        });
        await db.SaveChangesAsync();
        await HeldOffers.PutAsync(db, owned.Id, OfferState.Pending);
        var offer = await db.Offers.SingleAsync(o => o.StreamApplicationId == owned.Id);
        // A pitch in the owner's name waiting for the coalition's mentors, as a fellow's would.
        var pitch = await new ProjectsData(this).ProjectAsync(coalition.Slug, owner, ProjectState.Pending);
        var handedIn = await db.MilestoneSubmissions.Where(s => s.FileId != null && db.Fellowships.Any(f => f.Id == s.FellowshipId
                && db.Streams.Any(st => st.Id == f.StreamId && st.Slug == coalition.Slug && st.Track!.SeasonId != seasonId)))
            .OrderBy(s => s.Id).FirstAsync();
        var extension = await db.ExtensionRounds.Include(r => r.Questions).SingleAsync(r => r.Name == DemoExtensions.DecidedRound);
        var extensionApplication = await db.ExtensionApplications.Where(a => a.RoundId == extension.Id
                && db.Fellowships.Any(f => f.Id == a.FellowshipId && db.Streams.Any(s => s.Id == f.StreamId && s.Slug == coalition.Slug)))
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();

        var targets = new Targets
        {
            Track = await db.Tracks.Where(t => t.Id == coalition.TrackId).Select(t => t.Slug).SingleAsync(),
            Stream = coalition.Slug,
            Mentor = await db.StreamMentors.Where(m => m.StreamId == coalition.Id && m.Mentor!.UserId != null).Select(m => m.Mentor!.Slug).FirstAsync(),
            FollowUp = Id(followUp.Id), FollowUpSlug = followUp.Slug,
            FollowUpItem = Id(followUp.Items.Single(i => i.Kind == ItemKind.FreeText).Id), FollowUpAnswer = Id(AssessmentStageAttempts.AnswerId(attempt, followUp, ItemKind.FreeText)),
            Date = Id(await db.KeyDates.Where(d => d.SeasonId == seasonId).MinAsync(d => d.Id)),
            Faq = Id(await db.Faq.Where(f => f.SeasonId == seasonId).MinAsync(f => f.Id)),
            Question = Id(await db.Set<Question>().Where(q => q.FormId == general.FormId).MinAsync(q => q.Id)),
            Rubric = Id(assignment.Round!.RubricId),
            Round = Id(assignment.RoundId),
            Pool = Id(await db.ReviewerProfiles.Where(p => p.UserId == assignment.ReviewerId && p.SeasonId == seasonId).Select(p => p.Id).SingleAsync()),
            Stage = "general",
            Application = Id(general.Id),
            StreamApplication = Id(owned.Id),
            Offer = Id(offer.Id),
            Assignment = Id(assignment.Id),
            Cv = Id(await db.StoredFiles.Where(f => f.OwnerId == owner && f.FileName == "cv.pdf").Select(f => f.Id).SingleAsync()),
            Project = Id(pitch),
            Artifact = Id(await Core.Artifacts.Showcase.Public(db).Where(a => a.PdfFileId != null).MinAsync(a => a.Id)),
            Status = "404",
            Fellowship = Id(handedIn.FellowshipId),
            Milestone = Id(handedIn.MilestoneId),
            ExtensionRound = Id(extension.Id),
            ExtensionQuestion = Id(extension.Questions.Min(q => q.Id)),
            ExtensionApplication = Id(extensionApplication),
            HostileFields =
            [
                new("offerId", Id(offer.Id)), new("accept", "true"), new("slot", Id(slot.Id)), new("stream", Id(coalition.Id)),
                new("streams", Id(coalition.Id)), new("projectId", Id(pitch)), new("intent", "submit"), new("confirmed", "true"),
            ],
        };
        return (targets, owner);
    }

    /// <summary>
    /// The persona's account, made as test setup straight through the app's services: confirmed, with its role and
    /// whatever the role needs to be real (a pool profile, a mentor profile of another stream).
    /// </summary>
    private async Task<string> AccountAsync(Persona persona, string ownerId)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        if (persona == Persona.OtherApplicant)
        {
            var other = await db.StreamApplications.Where(a => a.ApplicantId != ownerId && a.Stream!.Slug != StreamsStageData.Coalition
                    && !db.StreamApplications.Any(b => b.ApplicantId == a.ApplicantId && b.Stream!.Slug == StreamsStageData.Coalition))
                .OrderBy(a => a.Id).Select(a => a.ApplicantId).FirstAsync();
            // The demo's applicants never sign in, so they have neither a password nor the role: this one gets both.
            var demoApplicant = await users.FindByIdAsync(other);
            Succeeded(await users.AddPasswordAsync(demoApplicant!, Password));
            Succeeded(await users.AddToRoleAsync(demoApplicant!, Roles.Applicant));
            return demoApplicant!.Email!;
        }

        var email = $"{persona.ToString().ToLowerInvariant()}@matrix.example.net";
        var user = new CohortUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Matrix {persona}", CreatedAt = Clock.GetUtcNow().UtcDateTime };
        Succeeded(await users.CreateAsync(user, Password));
        Succeeded(await users.AddToRoleAsync(user, persona switch
        {
            Persona.Applicant => Roles.Applicant,
            Persona.Reviewer => Roles.Reviewer,
            Persona.OtherMentor => Roles.Mentor,
            _ => Roles.Admin,
        }));
        if (persona == Persona.Reviewer)
        {
            await ReviewPool.ReviewerAsync(db, user.Id);
        }
        else if (persona == Persona.OtherMentor)
        {
            var profile = await db.StreamMentors.Where(m => m.Stream!.Slug == StreamsStageData.Internals && m.Mentor!.UserId == null
                    && !db.StreamMentors.Any(c => c.MentorId == m.MentorId && c.Stream!.Slug == StreamsStageData.Coalition))
                .OrderBy(m => m.Position).Select(m => m.Mentor!).FirstAsync();
            profile.UserId = user.Id;
            await db.SaveChangesAsync();
        }

        return email;
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Succeeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
}

public sealed class SqliteMatrixApp() : MatrixApp(DatabaseProvider.Sqlite);

public sealed class PostgresMatrixApp() : MatrixApp(DatabaseProvider.Postgres);
