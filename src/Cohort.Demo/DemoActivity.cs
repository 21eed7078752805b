using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Cohort.Core.Preferences;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

/// <summary>
/// The demo season in motion, for whoever runs the app to look around: 48 fictional applicants who applied in the
/// first days of stage 1, a closed first review round read by six reviewers of different leniency, the stage 1 and
/// stage 2 decisions, attempts at the assessments, stream applications, both sides' rankings and a closed review round
/// per stream, all in the days before the seeding day D and inside the windows <see cref="DemoCalendar"/> opens.
/// Seeded only by the web host in Development and by `cohort seed demo`, never by <see cref="DemoSeason"/>, which
/// every test starts from and must stay empty of applicants. Everything follows from one fixed random seed and D, so
/// every run on the same day shows the same people, scores and dates. Last year's season comes with it
/// (<see cref="DemoPastSeason"/>), to show what a finished season looks like.
/// </summary>
public sealed partial class DemoActivity(CohortDbContext db, CreateAccount accounts, UserManager<CohortUser> users, TimeProvider clock, DemoPastSeason pastSeason,
    DemoProgramme programme, DemoArtifacts artifacts, DemoExtensions extensions, DemoAnalyticsMatch analyticsMatch)
{
    public const int ApplicantCount = 48;
    public const string ReviewerPassword = "demo-reviewer-password";

    /// <summary>
    /// The reviewers besides the demo reviewer account: sign in as any of them with <see cref="ReviewerPassword"/>.
    /// Each writes from their organisation's own domain, which no applicant shares, so no reviewer conflicts with an
    /// applicant by domain and the solver can assign every application.
    /// </summary>
    public static IReadOnlyList<(string Name, string Email, string Organisation, string Expertise, double Leniency)> Reviewers { get; } =
    [
        ("Maren Holtby", "maren.holtby@northfield-institute.test", "Northfield Institute", "interpretability\nprobes", -1.2),
        ("Caius Ombrelle", "caius.ombrelle@lanternlabs.test", "Lantern Labs", "control\nmonitoring", 0.9),
        ("Ifeoma Draycott", "ifeoma.draycott@wexcombe-university.test", "University of Wexcombe", "evaluations\nsecurity", 0.1),
        ("Teodor Vass", "teodor.vass@vass-research.test", "Independent", "unlearning\nsteering", 1.4),
        ("Bryony Kettering", "bryony.kettering@harrowpoint.test", "Harrow Point Research", "red-teaming\nsecurity", -0.6),
    ];

    /// <summary>The mail providers the fictional applicants use: none is a reviewer's domain.</summary>
    public static IReadOnlyList<string> ApplicantDomains { get; } = ["postbox.test", "inkwell.test", "lettercase.test", "mailcoach.test"];

    /// <summary>
    /// One of the 48, well along: submitted at stage 1, passed both assessments, applied to three streams and ranked
    /// them, with the highest planted quality and first on every stream's list, so the demo's match gives them an offer
    /// (the Control Coalition, their first choice). The "applicant accepts" journey signs in as them.
    /// </summary>
    public static DemoAccount StreamsStageApplicant { get; } = new(Roles.Applicant, "noor.achterberg@inkwell.test", "demo-stage-three-password", "Noor Achterberg",
        "applied to three streams and ranked them: run and publish the match, then accept the offer");

    /// <summary>
    /// Seeds the demo season's activity, dated in the days before <paramref name="day"/> (today by the injected clock
    /// when null; pass the day the season was seeded with); returns false when it was already there, or when that
    /// day's demo season is not.
    /// </summary>
    public async Task<bool> SeedAsync(DateOnly? day = null, CancellationToken cancellation = default)
    {
        var calendar = day is { } d ? new DemoCalendar(d) : DemoCalendar.Today(clock);
        // A demo seeded on an earlier day may have another year's slug: then there is nothing of this day's to fill.
        var season = await db.Seasons.SingleOrDefaultAsync(s => s.Slug == calendar.SeasonSlug, cancellation);
        if (season is null || await db.ReviewRounds.AnyAsync(r => r.SeasonId == season.Id, cancellation))
        {
            return false;
        }

        var random = new Random(2027);
        var form = await db.ApplicationForms.Include(f => f.Questions).SingleAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General, cancellation);
        var reviewers = await ReviewerPoolAsync(season, cancellation);
        var applicants = await ApplicantsAsync(season, form, calendar, random, cancellation);

        await FirstRoundAsync(season, applicants, reviewers, calendar, random, cancellation);
        var assessmentStages = await AssessmentEntries.StagesOf(db, season.Id).ToListAsync(cancellation);
        var assessmentStage = DecideGeneralStage(applicants, assessmentStages, calendar.At(-8, 10));
        await AttemptsAsync(season, assessmentStage, calendar, random, cancellation);
        var streamsStage = DecideAssessmentStage(assessmentStage, calendar.At(-3, 8));
        await StreamApplicationsAsync(season, streamsStage, calendar, cancellation);
        await PreferencesAsync(season, streamsStage, calendar.At(-1, 12), random, cancellation);
        await StreamRoundsAsync(season, streamsStage, reviewers, calendar, random, cancellation);
        await SecondReadAsync(season, streamsStage, reviewers, calendar, cancellation);
        await InterviewReadAsync(season, calendar, cancellation);
        await pastSeason.SeedAsync(calendar, cancellation);
        await PastArrivalsAsync(calendar, cancellation);
        await programme.SeedAsync(calendar, cancellation);
        await artifacts.SeedAsync(calendar, cancellation);
        await extensions.SeedAsync(calendar, cancellation);
        await analyticsMatch.SeedAsync(calendar, cancellation);
        return true;
    }

    /// <summary>An applicant and the quality the demo planted in them, which reviews and scores reflect with noise.</summary>
    private sealed record DemoApplicant(Application Application, double Quality)
    {
        /// <summary>The planted quality of <see cref="StreamsStageApplicant"/>: above every other applicant's.</summary>
        public const double Best = 1.0;

        public bool IsStreamsStageApplicant => Quality >= Best;
    }

    private async Task<List<(string UserId, double Leniency)>> ReviewerPoolAsync(Season season, CancellationToken cancellation)
    {
        // The demo season already put the demo reviewer in its pool; the others join it here.
        var demoReviewer = await users.FindByEmailAsync(DemoSeason.Reviewer.Email)
            ?? throw new InvalidOperationException("The demo reviewer is missing.");
        var result = new List<(string, double)> { (demoReviewer.Id, 0) };
        foreach (var (name, email, organisation, expertise, leniency) in Reviewers)
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                await accounts.RunAsync(email, ReviewerPassword, name, Roles.Reviewer, Actor.System);
            }

            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo reviewer {email} is missing.");
            db.ReviewerProfiles.Add(new ReviewerProfile
            {
                SeasonId = season.Id, UserId = user.Id, Organisation = organisation, ExpertiseText = expertise, MinLoad = 0, MaxLoad = 40,
            });
            result.Add((user.Id, leniency));
        }

        return result;
    }

    private async Task<List<DemoApplicant>> ApplicantsAsync(Season season, ApplicationForm form, DemoCalendar calendar, Random random, CancellationToken cancellation)
    {
        var applicants = new List<DemoApplicant>();
        for (var i = 0; i < ApplicantCount; i++)
        {
            // The first is the stage 3 applicant, who signs in with a password; the others only populate the season.
            var user = i == 0 ? await DemoSeason.EnsureAccountAsync(accounts, users, StreamsStageApplicant) : Applicant(i);
            var name = user.DisplayName;

            // Most apply in a rush at the end of the first week of stage 1: the times bunch up towards D-10 (stage 1 opened on D-14).
            var submittedAt = calendar.At(-10).AddHours(-60 * Math.Pow(random.NextDouble(), 3));
            var application = new Application
            {
                FormId = form.Id, ApplicantId = user.Id, State = ApplicationState.Submitted,
                CreatedAt = submittedAt.AddDays(-1), UpdatedAt = submittedAt, SubmittedAt = submittedAt,
            };
            foreach (var question in form.Questions)
            {
                application.Answers.Add(AnswerTo(question, i, name, season, user.Id, submittedAt));
            }

            db.Applications.Add(application);
            var quality = random.NextDouble();
            applicants.Add(new DemoApplicant(application, i == 0 ? DemoApplicant.Best : quality));
        }

        await db.SaveChangesAsync(cancellation);
        return applicants;
    }

    /// <summary>A fictional applicant with no password (nobody signs in as them), on one of <see cref="ApplicantDomains"/>.</summary>
    private CohortUser Applicant(int index)
    {
        var email = $"applicant{index + 1:00}@{ApplicantDomains[index % ApplicantDomains.Count]}";
        var user = new CohortUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = DemoPeople.Name(index), SecurityStamp = Guid.NewGuid().ToString(), EmailConfirmed = true,
        };
        db.Users.Add(user);
        return user;
    }

    private static Answer AnswerTo(Question question, int index, string name, Season season, string userId, DateTime at) => question.Kind switch
    {
        QuestionKind.File => new Answer
        {
            QuestionId = question.Id, Value = "cv.pdf",
            File = new StoredFile { OwnerId = userId, FileName = "cv.pdf", ContentType = "application/pdf", Content = "%PDF-1.7\n% demo CV\n%%EOF\n"u8.ToArray(), Length = 23, UploadedAt = at },
        },
        _ => new Answer { QuestionId = question.Id, Value = question.Kind switch
        {
            QuestionKind.ShortText when question.Key == "full-name" => name,
            QuestionKind.ShortText when question.Identity == IdentityFlag.Organisation => DemoPeople.Organisation(index),
            QuestionKind.ShortText => index % 3 == 0 ? "London" : index % 3 == 1 ? "Berkeley" : "Remote",
            QuestionKind.Date => season.ProgrammeStart.AddYears(-(season.MinimumAge + 2 + index % 15)).AddDays(index * 11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            QuestionKind.SingleChoice => question.Choices[index % question.Choices.Count],
            QuestionKind.MultipleChoice => string.Join('\n', question.Choices.Where((_, c) => (c + index) % 3 == 0)),
            QuestionKind.Url => $"https://example.org/portfolio/{index + 1}",
            _ => DemoPeople.Motivation(index),
        } },
    };

    /// <summary>The best two thirds go to the assessments, the next few wait, the rest are declined.</summary>
    private List<DemoApplicant> DecideGeneralStage(List<DemoApplicant> applicants, List<int> assessmentStages, DateTime decidedAt)
    {
        var byQuality = applicants.OrderByDescending(a => a.Quality).ToList();
        for (var i = 0; i < byQuality.Count; i++)
        {
            var application = byQuality[i].Application;
            application.State = i < 32 ? ApplicationState.Advanced : i < 38 ? ApplicationState.Waitlisted : ApplicationState.Rejected;
            application.UpdatedAt = decidedAt;
            if (application.State == ApplicationState.Advanced)
            {
                AssessmentEntries.Place(db, [], assessmentStages, application.ApplicantId, ApplicationState.Submitted, decidedAt);
            }
        }

        return byQuality.Take(32).ToList();
    }

    /// <summary>
    /// Every invited applicant attempted both assessments in the first days of their window (it opened on D-7 at
    /// 09:00); their answers to the automatically scored items, and so their automatic points, follow their quality.
    /// </summary>
    private async Task AttemptsAsync(Season season, List<DemoApplicant> invited, DemoCalendar calendar, Random random, CancellationToken cancellation)
    {
        var assessments = await Invitations.AssessmentStageOf(db, season.Id).Include(a => a.Items).ToListAsync(cancellation);
        // The answers draw from their own seed, so the shared seed's later draws (rankings, stream rounds) stay as they were.
        var answering = new Random(2028);
        foreach (var applicant in invited)
        {
            foreach (var assessment in assessments)
            {
                var started = calendar.At(-7, 10).AddHours(random.Next(0, 60));
                var attempt = new Attempt
                {
                    AssessmentId = assessment.Id, ApplicantId = applicant.Application.ApplicantId, StartedAt = started, Deadline = assessment.DeadlineFor(started),
                };
                DemoAttemptAnswers.HandIn(attempt, assessment, Math.Clamp(applicant.Quality + ((random.NextDouble() - 0.5) * 0.3), 0, 1), answering);
                db.Attempts.Add(attempt);
            }
        }

        await db.SaveChangesAsync(cancellation);
    }

    private List<DemoApplicant> DecideAssessmentStage(List<DemoApplicant> invited, DateTime decidedAt)
    {
        for (var i = 0; i < invited.Count; i++)
        {
            var state = i < 20 ? ApplicationState.Advanced : i < 24 ? ApplicationState.Waitlisted : ApplicationState.Rejected;
            foreach (var entry in db.StageEntries.Local.Where(e => e.ApplicantId == invited[i].Application.ApplicantId))
            {
                (entry.State, entry.UpdatedAt) = (state, decidedAt);
            }
        }

        return invited.Take(20).ToList();
    }

    /// <summary>
    /// Each applicant of stage 3 applies to one to three streams (the stage 3 applicant to three), the coalition most
    /// often, with the questions they ask answered, the day after stage 3 opened on D-3.
    /// </summary>
    private async Task StreamApplicationsAsync(Season season, List<DemoApplicant> applicants, DemoCalendar calendar, CancellationToken cancellation)
    {
        var streams = await db.Streams.Where(s => s.Track!.SeasonId == season.Id).OrderBy(s => s.Slug != DemoStreamQuestions.CoalitionSlug).ThenBy(s => s.Id).ToListAsync(cancellation);
        for (var i = 0; i < applicants.Count; i++)
        {
            var applicantId = applicants[i].Application.ApplicantId;
            var chosen = new[] { streams[i % 2 == 0 ? 0 : 1 + (i % 4)], streams[1 + ((i + 2) % 5)], streams[6 + (i % 5)] }
                .Take(applicants[i].IsStreamsStageApplicant ? 3 : 1 + (i % 3)).Distinct().ToList();
            var (started, submitted) = (calendar.At(-3, 12), calendar.At(-2, 12));
            foreach (var stream in chosen)
            {
                db.StreamApplications.Add(new StreamApplication
                {
                    StreamId = stream.Id, ApplicantId = applicantId, State = ApplicationState.Submitted, CreatedAt = started, UpdatedAt = submitted, SubmittedAt = submitted,
                });
            }

            foreach (var question in await StreamQuestions.AskedByAsync(db, chosen.Select(s => s.Id).ToList(), cancellation))
            {
                db.StreamAnswers.Add(new StreamAnswer
                {
                    ApplicantId = applicantId, QuestionId = question.Id, UpdatedAt = submitted,
                    Value = question.Kind switch
                    {
                        QuestionKind.SingleChoice => question.Choices[i % question.Choices.Count],
                        QuestionKind.Url => $"https://example.org/probes/{i + 1}",
                        _ => DemoPeople.Motivation(i + 1),
                    },
                });
            }
        }

        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>
    /// Both sides rank, so the match page has something to run on: each stream orders its applicants by the planted
    /// quality, blurred a little as mentors' judgement is, and marks the last of a long list not acceptable; each
    /// applicant ranks their streams in the order they chose them. The stage 3 applicant's quality is not blurred, so
    /// they head every list they are on and the match gives them their first choice.
    /// </summary>
    private async Task PreferencesAsync(Season season, List<DemoApplicant> applicants, DateTime rankedAt, Random random, CancellationToken cancellation)
    {
        var quality = applicants.ToDictionary(a => a.Application.ApplicantId, a => a.Quality);
        var mentor = await users.FindByEmailAsync(DemoSeason.CoalitionMentor.Email)
            ?? throw new InvalidOperationException("The demo mentor is missing.");
        var applications = await db.StreamApplications.Where(a => a.Stream!.Track!.SeasonId == season.Id).OrderBy(a => a.Id).ToListAsync(cancellation);
        foreach (var stream in applications.GroupBy(a => a.StreamId))
        {
            var ordered = stream.OrderByDescending(a => quality[a.ApplicantId] >= DemoApplicant.Best ? double.MaxValue : quality[a.ApplicantId] + ((random.NextDouble() - 0.5) * 0.2)).ToList();
            db.StreamPreferences.AddRange(ordered.Select((a, i) => new StreamPreference
            {
                StreamId = stream.Key, StreamApplicationId = a.Id, Position = i + 1, NotAcceptable = ordered.Count > 3 && i == ordered.Count - 1,
                UpdatedAt = rankedAt, UpdatedById = mentor.Id,
            }));
        }

        foreach (var applicant in applications.GroupBy(a => a.ApplicantId))
        {
            db.ApplicantStreamPreferences.AddRange(applicant.Select((a, i) => new ApplicantStreamPreference { ApplicantId = applicant.Key, StreamApplicationId = a.Id, Position = i + 1 }));
        }

        await db.SaveChangesAsync(cancellation);
    }
}
