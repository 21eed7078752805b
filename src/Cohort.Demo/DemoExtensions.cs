using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Extensions;
using Cohort.Core.Mail;
using Cohort.Core.Pipeline;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Demo;

/// <summary>
/// Last year's extension phase, running now: "Extension 2026" closed three weeks ago and was decided (four fellows
/// accepted, the demo fellow among them, one waitlisted, two not accepted), with their mentors' endorsements, and its
/// accepted fellows continue for four more months with two extension milestones due in the coming weeks. A second
/// call is open now for two more weeks, with one coalition fellow's application waiting for the demo mentor's
/// endorsement, so applying and endorsing can be walked. Applications, endorsements, decisions and milestones go
/// through the app's own use cases on the clock of the day they happened.
/// </summary>
public sealed class DemoExtensions(CohortDbContext db, IServiceProvider services)
{
    public const string DecidedRound = "Extension 2026";
    public const string OpenRound = "Extension 2026: second call";

    /// <summary>Which of the season's fellows apply (by position in the cohort; 0 is the demo fellow), what they ask, and how the admin decides.</summary>
    private static readonly (int Fellow, int Amount, Decision Decision)[] Applicants =
    [
        (0, 12_000, Decision.Advance), (1, 15_000, Decision.Advance), (4, 9_000, Decision.Advance), (6, 14_000, Decision.Advance),
        (8, 12_000, Decision.Waitlist), (11, 15_000, Decision.Reject), (15, 10_000, Decision.Reject),
    ];

    public async Task SeedAsync(DemoCalendar current, CancellationToken cancellation = default)
    {
        var past = await db.Seasons.SingleAsync(s => s.Slug == current.YearBefore.SeasonSlug, cancellation);
        if (await db.ExtensionRounds.AnyAsync(r => r.SeasonId == past.Id, cancellation))
        {
            return;
        }

        var mailBefore = await db.OutboxMessages.MaxAsync(m => (int?)m.Id, cancellation) ?? 0;
        var demoFellow = await db.Users.Where(u => u.Email == DemoSeason.Fellow.Email).Select(u => u.Id).SingleAsync(cancellation);
        // The demo fellow first, then the cohort in order: the demo fellow is always among the accepted.
        var cohort = (await db.Fellowships.AsNoTracking().Where(f => f.SeasonId == past.Id).ByAddress(db).ToListAsync(cancellation))
            .OrderBy(f => f.ApplicantId == demoFellow ? 0 : 1).ToList();
        var decided = await RoundAsync(past.Id, DecidedRound, current.At(-45, 9), current.At(-21, 17), seats: 4, budget: 60_000, current.At(120), cancellation);
        var applications = new List<(int Id, Decision Decision)>();
        foreach (var (position, amount, decision) in Applicants)
        {
            var fellowship = cohort[position];
            applications.Add((await ApplyAsync(decided, fellowship, amount, current.At(-40 + position, 11), cancellation), decision));
            await EndorseAsync(fellowship, applications[^1].Id, Rating(decision, position), current.At(-20, 10 + position % 6), cancellation);
        }

        foreach (var decision in new[] { Decision.Advance, Decision.Waitlist, Decision.Reject })
        {
            await DecideAsync(decided, applications.Where(a => a.Decision == decision).Select(a => a.Id).ToList(), decision, current.At(-14, 15), cancellation);
        }

        await MilestonesAsync(past.Id, decided, current, cancellation);
        var open = await RoundAsync(past.Id, OpenRound, current.At(-3, 9), current.At(14, 17), seats: 2, budget: 20_000, current.At(150), cancellation);
        // A coalition fellow not yet extended applies to the second call: their application waits for the demo mentor's endorsement.
        var others = cohort.Where(f => !Applicants.Any(a => cohort[a.Fellow].Id == f.Id)).ToList();
        await ApplyAsync(open, others.FirstOrDefault(f => f.StreamId == cohort[0].StreamId) ?? others[0], 8_000, current.At(-1, 16), cancellation);
        // The mail these wrote went out when it was written: the outbox shows it sent, not waiting to go now.
        await db.OutboxMessages.Where(m => m.Id > mailBefore && m.SentAt == null)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, x => x.CreatedAt), cancellation);
    }

    private static int Rating(Decision decision, int position) => decision switch
    {
        Decision.Advance => position % 2 == 0 ? 5 : 4,
        Decision.Waitlist => 4,
        _ => position % 2 == 0 ? 2 : 3,
    };

    private async Task<ExtensionRound> RoundAsync(int seasonId, string name, DateTime opens, DateTime closes, int seats, int budget, DateTime extendsUntil, CancellationToken cancellation)
    {
        var round = new ExtensionRound
        {
            SeasonId = seasonId, Name = name, OpensAt = opens, ClosesAt = closes, Seats = seats, Budget = budget, Currency = "USD",
            ExtendsUntil = DateOnly.FromDateTime(extendsUntil),
            IntroMarkdown = "The extension phase gives the strongest projects four more months of mentorship and a research budget to finish what the programme started. " +
                "Tell us what you would finish, what it needs, and how much of the budget you ask for. Your mentors endorse your application; the programme team decides.",
        };
        round.Questions.Add(new ExtensionQuestion { Position = 0, Key = "what-you-would-finish", Prompt = "What would you finish in the extension?", Kind = QuestionKind.LongText, Required = true, MaxWords = 400 });
        round.Questions.Add(new ExtensionQuestion { Position = 1, Key = "budget-use", Prompt = "What would the budget pay for?", Kind = QuestionKind.LongText, Required = true, MaxWords = 200 });
        round.Questions.Add(new ExtensionQuestion { Position = 2, Key = "work-so-far", Prompt = "A link to your work so far (repository, preprint or report)", Kind = QuestionKind.Url });
        db.ExtensionRounds.Add(round);
        await db.SaveChangesAsync(cancellation);
        return round;
    }

    private async Task<int> ApplyAsync(ExtensionRound round, Fellowship fellowship, int amount, DateTime at, CancellationToken cancellation)
    {
        var fellow = await db.Users.Where(u => u.Id == fellowship.ApplicantId).Select(u => new Actor(u.Id, u.DisplayName)).SingleAsync(cancellation);
        var answers = new Dictionary<string, string>
        {
            ["what-you-would-finish"] = "The scaling study the programme started: the middle model size is done, the largest is not. Four months let us run it, write the paper and release the evaluation harness.",
            ["budget-use"] = "Compute for the largest model's runs, and the fees of a workshop where we would present the results.",
            ["work-so-far"] = $"https://code.example.org/halyard-fellows/fellow-{fellowship.Id}",
        };
        var clock = new DemoPastSeason.FixedClock(at);
        Check((await new ApplyForExtension(db, new AuditLog(db, clock), new Outbox(db, clock), Links, clock).SaveAsync(fellow, round.Id, new ExtensionDraft(amount, answers), submit: true, cancellation)).Refusal, "apply");
        return await db.ExtensionApplications.Where(a => a.RoundId == round.Id && a.FellowshipId == fellowship.Id).Select(a => a.Id).SingleAsync(cancellation);
    }

    /// <summary>The first of the fellow's mentors with an account (one a stream has one since <see cref="DemoProgramme"/>) endorses the application.</summary>
    private async Task EndorseAsync(Fellowship fellowship, int applicationId, int rating, DateTime at, CancellationToken cancellation)
    {
        var mentor = await db.StreamMentors.Where(m => m.StreamId == fellowship.StreamId && m.Mentor!.UserId != null).OrderBy(m => m.Position)
            .Select(m => new Actor(m.Mentor!.UserId, m.Mentor.Name)).FirstAsync(cancellation);
        var comment = rating >= 4
            ? "One of the most independent fellows I have mentored: the first paper is nearly done, and the extension would turn it into a result others can build on."
            : "Solid work, but the plan for the extension is still vague; I would rather see the current paper finished first.";
        var clock = new DemoPastSeason.FixedClock(at);
        var outcome = await new EndorseExtension(db, new AuditLog(db, clock), clock).RunAsync(mentor, applicationId, rating, comment, cancellation);
        Check(outcome.NotFound ? "not the mentor's fellow" : outcome.Refusal, "endorse");
    }

    private async Task DecideAsync(ExtensionRound round, List<int> ids, Decision decision, DateTime at, CancellationToken cancellation)
    {
        var clock = new DemoPastSeason.FixedClock(at);
        var decide = new DecideExtensions(db, new DecideApplications(db, new AuditLog(db, clock), clock), new Outbox(db, clock), Links);
        var mail = decision switch
        {
            Decision.Advance => new DecisionMail("Your extension is accepted", "Dear {{name}},\n\n{{stage}} accepts your application: your programme continues, with your mentors and the budget you asked for. Your new milestones are on your portal: {{link}}"),
            Decision.Waitlist => new DecisionMail("Your extension application is waitlisted", "Dear {{name}},\n\n{{stage}} is full for now, and your application is first on its waiting list. We will write as soon as a place frees up: {{link}}"),
            _ => new DecisionMail("Your extension application", "Dear {{name}},\n\nThank you for applying to {{stage}}. It could not extend you this time; the showcase keeps your work in view: {{link}}"),
        };
        var outcome = await decide.RunAsync(Actor.System, round.Id, ids, decision, mail, cancellation);
        Check(outcome.Refusal ?? (outcome.OverCapacity.Count > 0 ? string.Join("; ", outcome.OverCapacity) : null), $"decide ({decision})");
    }

    /// <summary>Two milestones for the extended fellows only, due in the coming weeks.</summary>
    private async Task MilestonesAsync(int seasonId, ExtensionRound round, DemoCalendar current, CancellationToken cancellation)
    {
        var save = services.GetRequiredService<SaveMilestone>();
        foreach (var (title, days, kind, description) in new[]
        {
            ("Extension plan", 10, SubmissionKind.Text, "One page: what the extension will finish, the experiments in order, and what you will cut if time runs short."),
            ("Extension midpoint report", 31, SubmissionKind.Link, "A link to the draft paper or report as it stands, with a paragraph on what changed since the plan."),
        })
        {
            var outcome = await save.AddAsync(Actor.System, seasonId, new MilestoneDetails(title, description, current.At(days, 17), null, kind,
                RequiresSignOff: true, RemindDaysBefore: 3, ExtensionRoundId: round.Id), cancellation);
            Check(outcome.Refusal, $"add the milestone {title}");
        }
    }

    private IAppLinks Links => DemoLinks.Of(services);

    private static void Check(string? refusal, string what)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The demo extensions could not {what}: {refusal}");
        }
    }
}
