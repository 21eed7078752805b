using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>Stage 3 of the journey: the stream applications, the interview and what mentors read.</summary>
public sealed partial class AssessmentAndStreamsStageJourneyTests
{
    /// <summary>
    /// The coalition stream and two others, preferring streams that ask a question of their own, with the
    /// season's stream questions.
    /// </summary>
    private Task<(List<ResearchStream> Streams, List<StreamQuestion> Questions)> StreamsToApplyToAsync(ResearchStream coalition) =>
        site.App.WithDbAsync(async db =>
        {
            var questions = await db.StreamQuestions.AsNoTracking().Include(q => q.AskedBy)
                .Where(q => q.SeasonId == db.Tracks.Where(t => t.Id == coalition.TrackId).Select(t => t.SeasonId).Single())
                .OrderBy(q => q.Position).ToListAsync();
            var others = await db.Streams.AsNoTracking().Where(s => s.TrackId == coalition.TrackId && s.Id != coalition.Id).OrderBy(s => s.Name).ToListAsync();
            var chosen = others.OrderByDescending(s => questions.Any(q => !q.IsShared && q.AskedBy.Any(a => a.StreamId == s.Id))).Take(2).Prepend(coalition).ToList();
            Assert.Equal(3, chosen.Count);
            return (chosen, questions);
        });

    private static List<StreamQuestion> AskedBy(IEnumerable<StreamQuestion> questions, params ResearchStream[] streams) =>
        questions.Where(q => q.AskedBy.Any(a => streams.Any(s => s.Id == a.StreamId))).ToList();

    /// <summary>What the applicant answers to a stream question; a text answer names them, so a mentor's page cannot show someone else's.</summary>
    private static string StreamAnswerTo(StreamQuestion question, Applicant applicant) => question.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => question.Choices[0],
        QuestionKind.Url => $"https://example.org/{question.Key}",
        _ => $"{applicant.Name} answers {question.Key}, once.",
    };

    /// <summary>Chooses the streams, answers the shared questions once and each stream's own, and submits each application.</summary>
    private async Task ApplyToStreamsAsync(IPage page, Applicant applicant, List<ResearchStream> streams, List<StreamQuestion> questions)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Apply to streams (stage 3)", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stream applications", Level = 1 })).ToBeVisibleAsync();
        foreach (var stream in streams)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = stream.Name }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save my choice", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your choice of streams was saved.");

        // The applicant leaves and comes back through the portal, where the drafts wait.
        await GoToPortalAsync(page);
        foreach (var stream in streams)
        {
            await Expect(PortalRow(page, stream.Name).Locator("[data-state]")).ToHaveTextAsync(nameof(ApplicationState.Draft));
        }

        await PortalRow(page, streams[0].Name).GetByRole(AriaRole.Link, new() { Name = streams[0].Name, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stream applications", Level = 1 })).ToBeVisibleAsync();

        var asked = AskedBy(questions, [.. streams]);
        var shared = asked.Where(q => streams.Count(s => q.AskedBy.Any(a => a.StreamId == s.Id)) > 1).ToList();
        Assert.NotEmpty(shared);
        var sharedSection = page.GetByRole(AriaRole.Group, new() { Name = "Asked by several of your streams", Exact = true });
        foreach (var question in shared)
        {
            await Expect(page.GetByRole(AriaRole.Main).GetByText(question.Prompt)).ToHaveCountAsync(1);
            await Expect(sharedSection.GetByText(question.Prompt)).ToHaveCountAsync(1);
        }

        foreach (var question in asked)
        {
            var answer = StreamAnswerTo(question, applicant);
            if (question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
            {
                await page.GetByRole(AriaRole.Group, new() { Name = question.Prompt }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
            }
            else
            {
                await page.GetByLabel(question.Prompt).FillAsync(answer);
            }
        }

        foreach (var stream in streams)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Submit to {stream.Name}", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your stream application was submitted.");
            var section = page.GetByRole(AriaRole.Group, new() { Name = stream.Name });
            await Expect(section).ToContainTextAsync($"({nameof(ApplicationState.Submitted)})");
            await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Interview and work test", Exact = true })).ToBeVisibleAsync();
        }

        var stored = await site.App.WithDbAsync(db => db.StreamAnswers.AsNoTracking().Where(a => a.ApplicantId == applicant.Id).ToListAsync());
        Assert.Equal(asked.Select(q => (q.Id, StreamAnswerTo(q, applicant))).Order(), stored.Select(a => (a.QuestionId, a.Value)).Order());
    }

    /// <summary>From the portal, on the coalition stream's follow-ups page: books the first open time and gets its calendar invite.</summary>
    private async Task BookAnInterviewAsync(IPage page, Applicant applicant, ResearchStream coalition)
    {
        var now = site.App.Clock.Now.UtcDateTime;
        var slot = await site.App.WithDbAsync(db => db.InterviewSlots.AsNoTracking()
            .Where(s => s.StreamId == coalition.Id && s.BookedById == null && s.StartsAt > now).OrderBy(s => s.StartsAt).FirstOrDefaultAsync());
        Assert.True(slot is not null, $"{coalition.Name} has no open interview time after {now:u}.");
        var startsAt = slot.StartsAt.ToString("o", CultureInfo.InvariantCulture);
        await GoToPortalAsync(page);
        await Expect(PortalRow(page, coalition.Name).Locator("[data-state]")).ToHaveTextAsync(nameof(ApplicationState.Submitted));
        await PortalRow(page, coalition.Name).GetByRole(AriaRole.Link, new() { Name = coalition.Name, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = coalition.Name, Exact = true, Level = 1 })).ToBeVisibleAsync();

        var choices = page.GetByRole(AriaRole.Group, new() { Name = "Choose a time", Exact = true });
        await choices.Locator("label").Filter(new() { Has = page.Locator($"time[datetime='{startsAt}']") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book this time", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your interview is booked; a confirmation is on its way.");
        var booking = page.Locator("#booking");
        await Expect(booking.Locator($"time[datetime='{startsAt}']")).ToBeVisibleAsync();
        Assert.Equal(applicant.Id, await site.App.WithDbAsync(db => db.InterviewSlots.Where(s => s.Id == slot.Id).Select(s => s.BookedById).SingleAsync()));

        // RFC 5545's UTC form, written here rather than with the app's own formatter.
        var dtStart = $"DTSTART:{slot.StartsAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}\r\n";
        var invite = booking.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)", Exact = true });
        var download = await page.RunAndWaitForDownloadAsync(() => invite.ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename);
        Assert.Contains(dtStart, await File.ReadAllTextAsync(await download.PathAsync()));
        var response = await page.APIRequest.GetAsync((await invite.GetAttributeAsync("href"))!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"]);
        Assert.Contains(dtStart, await response.TextAsync());
    }

    /// <summary>
    /// A mentor of <paramref name="stream"/> opens the application: the shared answers are the ones given once,
    /// the stream's own answers are there, and questions only other streams asked are not.
    /// </summary>
    private async Task AMentorReadsTheApplicationAsync(Applicant applicant, ResearchStream stream, List<ResearchStream> streams, List<StreamQuestion> questions)
    {
        var (email, password) = await MentorAccountOfAsync(stream);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await SiteAccounts.SignInAsync(page, email, password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Your streams", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = stream.Name, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = applicant.Name, Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = applicant.Name, Exact = true, Level = 1 })).ToBeVisibleAsync();
        var answers = page.Locator("#answers");
        foreach (var question in AskedBy(questions, stream))
        {
            var answer = answers.Locator("dt").Filter(new() { HasText = question.Prompt }).Locator("xpath=following-sibling::dd[1]");
            await Expect(answer).ToHaveTextAsync(StreamAnswerTo(question, applicant));
        }

        foreach (var question in AskedBy(questions, [.. streams]).Except(AskedBy(questions, stream)))
        {
            await Expect(answers).Not.ToContainTextAsync(question.Prompt);
        }
    }

    /// <summary>
    /// An account that mentors <paramref name="stream"/>: the demo mentor's for the stream it co-mentors; for
    /// another, a new mentor account linked to the stream's first unlinked mentor, as an admin links it.
    /// </summary>
    private async Task<(string Email, string Password)> MentorAccountOfAsync(ResearchStream stream)
    {
        var demo = DemoSeason.Accounts.Single(a => a.Role == Roles.Mentor);
        await using var scope = site.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var mentors = await db.Mentors.Where(m => m.Streams.Any(s => s.StreamId == stream.Id)).OrderBy(m => m.Id).ToListAsync();
        if (await db.Users.AnyAsync(u => u.Email == demo.Email && mentors.Select(m => m.UserId).Contains(u.Id)))
        {
            return (demo.Email, demo.Password);
        }

        var email = $"mentor-{Guid.NewGuid():N}@example.net";
        var mentor = mentors.FirstOrDefault(m => m.UserId is null);
        Assert.True(mentor is not null, $"Every mentor of {stream.Name} already has an account.");
        var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, Password, mentor.Name, Roles.Mentor, Actor.System);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        mentor.UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        await db.SaveChangesAsync();
        return (email, Password);
    }
}
