using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Programme;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Demo;

/// <summary>
/// Last year's programme after the match (<see cref="DemoPastSeason"/>'s 16 fellows): four milestones, and the fellows'
/// submissions, their mentors' sign-offs and check-ins through the programme's own use cases on last year's clock, so
/// the boards show every state a milestone can be in once its date has passed: signed off on track, at risk and off
/// track, handed in and waiting for a sign-off, and overdue. One 2026 mentor of each stream gets an account (the
/// demo mentor's for the coalition), since only a mentor of the stream may sign off; the first fellow of the demo
/// mentor's stream by address becomes the demo fellow account. Fellows are taken in <see cref="DemoCohortOrder"/>.
/// </summary>
public sealed class DemoProgramme(CohortDbContext db, UserManager<CohortUser> users, IServiceProvider services)
{
    public sealed record Plan(string Title, int Day, SubmissionKind Submission, string Description);

    /// <summary>The milestones, by day of the programme (day 0 its first): week 2, the middle, the end and just after.</summary>
    public static IReadOnlyList<Plan> Milestones { get; } =
    [
        new("Research plan", 13, SubmissionKind.Text, "Two pages: the question, why it matters for safety, the first experiment and what would change your mind."),
        new("Midpoint check-in", 41, SubmissionKind.None, "A half-hour conversation with your mentors about what has worked, what has not, and the plan for the second half."),
        new("Final presentation", 76, SubmissionKind.Link, "A twenty-minute talk at the closing symposium: hand in the link to your slides."),
        new("Final artifact", 80, SubmissionKind.File, "The paper, report or tool write-up the programme produced, as a PDF."),
    ];

    public async Task SeedAsync(DemoCalendar current, CancellationToken cancellation = default)
    {
        var past = await db.Seasons.SingleAsync(s => s.Slug == current.YearBefore.SeasonSlug, cancellation);
        if (await db.Milestones.AnyAsync(m => m.SeasonId == past.Id, cancellation))
        {
            return;
        }

        var start = past.ProgrammeStart.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc);
        var save = services.GetRequiredService<SaveMilestone>();
        var milestones = new List<Milestone>();
        foreach (var plan in Milestones)
        {
            var outcome = await save.AddAsync(Actor.System, past.Id, new MilestoneDetails(plan.Title, plan.Description, start.AddDays(plan.Day), null, plan.Submission,
                RequiresSignOff: true, RemindDaysBefore: 3, ExtensionRoundId: null), cancellation);
            milestones.Add(await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == outcome.Id, cancellation));
        }

        var mentors = await MentorAccountsAsync(past.Id, cancellation);
        var fellowships = await db.Fellowships.AsNoTracking().Where(f => f.SeasonId == past.Id).ByAddress(db).ToListAsync(cancellation);
        for (var i = 0; i < fellowships.Count; i++)
        {
            await FellowAsync(i, fellowships[i], milestones, mentors[fellowships[i].StreamId], start, cancellation);
        }

        await FellowAccountAsync(past.Id, cancellation);
        // The mail these sign-offs and check-ins wrote went out last year: the outbox shows it sent, not waiting to go now.
        var end = past.ProgrammeEnd.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        await db.OutboxMessages.Where(m => m.SentAt == null && m.CreatedAt >= start && m.CreatedAt <= end)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, x => x.CreatedAt), cancellation);
    }

    /// <summary>
    /// What fellow <paramref name="i"/> did: every pattern below is fixed, so the board always shows each state (a
    /// sign-off per assessment, one handed in awaiting sign-off, one overdue) and the at-risk fellows on top.
    /// </summary>
    private async Task FellowAsync(int i, Fellowship fellowship, List<Milestone> milestones, Actor mentor, DateTime start, CancellationToken cancellation)
    {
        var fellow = fellowship.ApplicantId;
        // Who never hands in which milestone (overdue), whose submission waits for a sign-off, and how each is assessed.
        var never = new[] { i == 15, false, i is 11 or 15, i is 10 or 15 };
        var awaiting = new[] { i == 14, i == 12, i == 13, i == 9 };
        for (var m = 0; m < milestones.Count; m++)
        {
            var milestone = milestones[m];
            if (never[m])
            {
                continue;
            }

            // Most hand in a day or two early; fellow 14 is late with the research plan, as some always are.
            var handedIn = milestone.DueAt.AddHours(i == 14 && m == 0 ? 30 : -26 - i);
            if (milestone.Submission != SubmissionKind.None)
            {
                await SubmitAsync(fellow, fellowship.Id, milestone, i, handedIn, cancellation);
            }

            if (!awaiting[m])
            {
                var assessment = AssessmentOf(i, m);
                var comment = CommentOf(assessment, milestone.Title);
                var refusal = await With<SignOffMilestone>(milestone.DueAt.AddDays(2))
                    .RunAsync(mentor, fellowship.Id, milestone.Id, assessment, comment, cancellation);
                Check(refusal, $"sign off {milestone.Title}");
            }
        }

        // A check-in between each pair of milestones, the last one of the programme echoing where the fellow ended up.
        for (var week = 4; week <= 10; week += 3)
        {
            var assessment = i % 4 == 3 && week >= 7 ? Assessment.AtRisk : i == 15 ? Assessment.OffTrack : Assessment.OnTrack;
            Check(await With<RecordCheckIn>(start.AddDays(week * 7)).RunAsync(mentor, fellowship.Id, assessment, CheckInComment(assessment, week), cancellation),
                "record a check-in");
        }
    }

    private static Assessment AssessmentOf(int i, int milestone) => (i, milestone) switch
    {
        (7, _) or (15, _) => Assessment.OffTrack,
        (3, >= 1) or (11, _) or (6, 3) => Assessment.AtRisk,
        (2, 0) => Assessment.AtRisk,
        _ => Assessment.OnTrack,
    };

    private static string CommentOf(Assessment assessment, string milestone) => assessment switch
    {
        Assessment.OnTrack => $"{milestone}: clear, well scoped and honest about its limits. Keep going as planned.",
        Assessment.AtRisk => $"{milestone}: the question is good but the plan tries to do three projects at once. Pick one by Friday and we will cut the rest together.",
        _ => $"{milestone}: we have not seen enough progress to judge the work, and two meetings were missed. Let us talk about what is in the way this week.",
    };

    private static string CheckInComment(Assessment assessment, int week) => assessment switch
    {
        Assessment.OnTrack => $"Week {week}: steady progress; the baseline runs and the first result replicates.",
        Assessment.AtRisk => $"Week {week}: results are noisy and the scope keeps growing. We agreed to freeze the setup and run the ablation first.",
        _ => $"Week {week}: little has moved since the last check-in. We agreed on one small deliverable for next week.",
    };

    private async Task SubmitAsync(string fellow, int fellowshipId, Milestone milestone, int i, DateTime at, CancellationToken cancellation)
    {
        var answer = milestone.Submission switch
        {
            SubmissionKind.Text => new MilestoneAnswer(Text: $"Question: does the behaviour we measure in small models predict it in larger ones? First experiment: replicate the baseline on three model sizes (fellow {i + 1}). " +
                "What would change our mind: if the effect vanishes at the middle size, we drop the scaling claim and study the mechanism instead."),
            SubmissionKind.Link => new MilestoneAnswer(Link: $"https://slides.example.org/halyard-{milestone.SeasonId}/fellow-{i + 1}"),
            _ => new MilestoneAnswer(Pdf: new MemoryStream("%PDF-1.7\n% A demo artifact: no real content.\n%%EOF\n"u8.ToArray()), FileName: $"final-artifact-fellow-{i + 1}.pdf"),
        };
        Check(await With<SubmitMilestone>(at).RunAsync(fellow, fellowshipId, milestone.Id, answer, cancellation), $"hand in {milestone.Title}");
    }

    /// <summary>
    /// An account for one 2026 mentor of each stream, the one who signs off its fellows: the demo mentor's for the
    /// coalition (so signing in as mentor@demo.cohort.test shows last year's fellows), an account nobody signs in to
    /// for the others, as the demo's past applicants are.
    /// </summary>
    private async Task<Dictionary<int, Actor>> MentorAccountsAsync(int seasonId, CancellationToken cancellation)
    {
        var demoMentor = await users.FindByEmailAsync(DemoSeason.CoalitionMentor.Email) ?? throw new InvalidOperationException("The demo mentor account is missing.");
        var profile = await db.Mentors.SingleAsync(m => m.SeasonId == seasonId && m.Slug == DemoSeason.DemoMentorSlug, cancellation);
        profile.UserId = demoMentor.Id;
        var result = new Dictionary<int, Actor>();
        foreach (var stream in await db.Streams.Where(s => s.Track!.SeasonId == seasonId).Include(s => s.Mentors).ThenInclude(m => m.Mentor).OrderBy(s => s.Id).ToListAsync(cancellation))
        {
            var signer = stream.Mentors.FirstOrDefault(m => m.MentorId == profile.Id)?.Mentor ?? stream.Mentors.OrderBy(m => m.Position).First().Mentor!;
            if (signer.UserId is null)
            {
                var email = $"{signer.Slug}@mentors.demo.cohort.test";
                var user = await users.FindByEmailAsync(email);
                if (user is null)
                {
                    user = new CohortUser
                    {
                        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                        DisplayName = signer.Name, SecurityStamp = Guid.NewGuid().ToString(), EmailConfirmed = true,
                    };
                    db.Users.Add(user);
                }

                signer.UserId = user.Id;
            }

            result[stream.Id] = new Actor(signer.UserId, signer.Name);
        }

        await db.SaveChangesAsync(cancellation);
        return result;
    }

    /// <summary>The first 2026 fellow of the demo mentor's stream by address becomes the demo fellow account: its address, its password and the applicant role.</summary>
    private async Task FellowAccountAsync(int seasonId, CancellationToken cancellation)
    {
        var fellowId = await FellowshipScope.OfMentor(db, (await users.FindByEmailAsync(DemoSeason.CoalitionMentor.Email))!.Id)
            .Where(f => f.SeasonId == seasonId).ByAddress(db).Select(f => f.ApplicantId).FirstAsync(cancellation);
        var fellow = (await users.FindByIdAsync(fellowId))!;
        Succeeded(await users.SetUserNameAsync(fellow, DemoSeason.Fellow.Email));
        Succeeded(await users.SetEmailAsync(fellow, DemoSeason.Fellow.Email));
        fellow.EmailConfirmed = true;
        Succeeded(await users.UpdateAsync(fellow));
        Succeeded(await users.AddPasswordAsync(fellow, DemoSeason.Fellow.Password));
        Succeeded(await users.AddToRoleAsync(fellow, Roles.Applicant));
    }

    private T With<T>(DateTime at) where T : notnull
    {
        var clock = new DemoPastSeason.FixedClock(at);
        return typeof(T) == typeof(SignOffMilestone) || typeof(T) == typeof(RecordCheckIn)
            ? ActivatorUtilities.CreateInstance<T>(services, ActivatorUtilities.CreateInstance<MentorAssessment>(services, clock, Links))
            : ActivatorUtilities.CreateInstance<T>(services, clock);
    }

    private IAppLinks Links => DemoLinks.Of(services);

    private static void Check(string? refusal, string what)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The demo programme could not {what}: {refusal}");
        }
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The demo fellow account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
