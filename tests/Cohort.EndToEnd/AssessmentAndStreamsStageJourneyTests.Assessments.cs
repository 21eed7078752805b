using System.Globalization;
using System.Text.RegularExpressions;
using Cohort.Core.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cohort.EndToEnd;

/// <summary>Stage 2 of the journey: the timed assessments.</summary>
public sealed partial class AssessmentAndStreamsStageJourneyTests
{
    private async Task TakeTheTimedAssessmentsAsync(Applicant applicant)
    {
        var now = site.App.Clock.Now.UtcDateTime;
        var timed = await site.App.WithDbAsync(db => db.Assessments.AsNoTracking().Include(a => a.Items)
            .Where(a => a.Track!.Season!.IsCurrent && a.TimeLimitMinutes > 0 && a.OpensAt <= now && now <= a.ClosesAt)
            .OrderBy(a => a.TimeLimitMinutes).ThenBy(a => a.Id).ToListAsync());
        Assert.True(timed.Count >= 2, $"{timed.Count} timed assessment(s) are open at {now:u}; the journey needs two.");
        await using var context = await site.NewContextAsync();
        var page = await SignedInAsync(context, applicant);
        await Expect(PortalRow(page, "Assessments").Locator("[data-state]")).ToHaveTextAsync("Not started");

        await HandInAsync(page, timed[0], applicant);
        await RunOutOfTimeAsync(page, timed[1], applicant);
    }

    /// <summary>From the portal: opens the assessment, sees its clock, answers every item, sees the autosave, hands in.</summary>
    private async Task HandInAsync(IPage page, Assessment assessment, Applicant applicant)
    {
        await OpenFromThePortalAsync(page, assessment);
        var items = assessment.Items.OrderBy(i => i.Position).ToList();
        foreach (var item in items)
        {
            await AnswerAsync(page, item);
        }

        await Expect(page.Locator("[data-saved-at]")).ToContainTextAsync("Saved at");
        // A last change and straight to Hand in, as people do. Leaving the field for the button must not send an
        // autosave alongside the hand-in: the two would race for the attempt's version, and the hand-in could lose.
        var last = items.Last(IsTyped);
        var lastField = Question(page, last).GetByRole(AriaRole.Textbox);
        await lastField.FillAsync(TypedAnswer(last) + " Checked once more before handing in.");
        var racingSaves = new List<string>();
        void RecordAutosave(object? sender, IRequest request)
        {
            if (request.Url.Contains("handler=Autosave", StringComparison.OrdinalIgnoreCase))
            {
                racingSaves.Add(request.Url);
            }
        }

        page.Request += RecordAutosave;
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Handed in. Thank you: {assessment.Title} is complete.");
        page.Request -= RecordAutosave;
        Assert.Empty(racingSaves);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Handed in on");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hand in" })).ToHaveCountAsync(0);
        await GoToPortalAsync(page);
        await Expect(PortalRow(page, assessment.Title).Locator("[data-state]")).ToHaveTextAsync("Submitted");

        var attempt = await AttemptOfAsync(applicant, assessment);
        Assert.NotNull(attempt.SubmittedAt);
        Assert.Equal(items.Count, attempt.Answers.Count);
        Assert.Equal(TypedAnswer(last) + " Checked once more before handing in.", attempt.Answers.Single(a => a.ItemId == last.Id).Value);
        // Every automatically scored item was answered with its key, so the browser's answers were read right.
        Assert.Equal(items.Where(i => i.IsScoredAutomatically).Sum(i => i.Points), attempt.AutoScore);
    }

    /// <summary>
    /// The server enforces the limit: an answer saved in time is kept, the clock passes the deadline, and the next
    /// save is refused with a clear message while the saved answer stays.
    /// </summary>
    private async Task RunOutOfTimeAsync(IPage page, Assessment assessment, Applicant applicant)
    {
        var typed = assessment.Items.Where(IsTyped).OrderBy(i => i.Position).ToList();
        Assert.True(typed.Count >= 2, $"{assessment.Title} has {typed.Count} item(s) answered by typing; the journey needs two.");
        var (saved, late) = (typed[0], typed[^1]);
        await OpenFromThePortalAsync(page, assessment);
        await AnswerAsync(page, saved);
        var savedValue = TypedAnswer(saved);
        await Expect(page.Locator("[data-saved-at]")).ToContainTextAsync("Saved at");

        var deadline = (await AttemptOfAsync(applicant, assessment)).Deadline;
        MoveClockTo(deadline.AddMinutes(1));
        await Question(page, late).GetByRole(AriaRole.Textbox).FillAsync("Typed after the time ran out.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var notice = page.GetByRole(AriaRole.Status);
        await Expect(notice).ToContainTextAsync("Time ran out");
        await Expect(notice).ToContainTextAsync("everything saved before then was kept and handed in");
        var savedField = Question(page, saved).GetByRole(AriaRole.Textbox);
        await Expect(savedField).ToBeDisabledAsync();
        await Expect(savedField).ToHaveValueAsync(savedValue);
        await Expect(Question(page, late).GetByRole(AriaRole.Textbox)).ToHaveValueAsync("");
        await GoToPortalAsync(page);
        await Expect(PortalRow(page, assessment.Title).Locator("[data-state]")).ToHaveTextAsync("Closed at the time limit");

        var attempt = await AttemptOfAsync(applicant, assessment);
        Assert.Null(attempt.SubmittedAt);
        Assert.Equal(deadline, attempt.ClosedAt);
        Assert.Equal(new[] { (saved.Id, savedValue) }, attempt.Answers.Select(a => (a.ItemId, a.Value)));
    }

    private async Task OpenFromThePortalAsync(IPage page, Assessment assessment)
    {
        await PortalRow(page, "Assessments").GetByRole(AriaRole.Link, new() { Name = "Assessments", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = assessment.Title, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Started");
        var timer = page.GetByRole(AriaRole.Timer);
        var limit = assessment.TimeLimitMinutes;
        await Expect(timer).ToHaveAttributeAsync("data-seconds", (limit * 60).ToString(CultureInfo.InvariantCulture));
        await Expect(timer).ToHaveTextAsync(new Regex($@"^\s*({limit}:00|{limit - 1}:[0-5]\d) left\.\s*$"));
    }

    private static ILocator Question(IPage page, AssessmentItem item) =>
        page.GetByRole(AriaRole.Group, new() { Name = $"{item.Position + 1}. {item.Prompt}" });

    private static bool IsTyped(AssessmentItem item) => item.Kind is not (ItemKind.MultipleChoice or ItemKind.Ordering);

    private static string TypedAnswer(AssessmentItem item) =>
        item.Kind == ItemKind.Numeric ? item.AnswerKey : $"My answer to item {item.Position + 1}, written in the browser.";

    /// <summary>Answers an item the way its kind asks, with the key where it has one.</summary>
    private static async Task AnswerAsync(IPage page, AssessmentItem item)
    {
        var question = Question(page, item);
        switch (item.Kind)
        {
            case ItemKind.MultipleChoice:
                await question.GetByLabel(item.AnswerKey, new() { Exact = true }).CheckAsync();
                break;
            case ItemKind.Ordering:
                var order = item.KeyOrder.ToList();
                foreach (var choice in item.Choices)
                {
                    await question.GetByLabel(choice, new() { Exact = true }).SelectOptionAsync((order.IndexOf(choice) + 1).ToString(CultureInfo.InvariantCulture));
                }

                break;
            default:
                var field = question.GetByRole(AriaRole.Textbox);
                await field.FillAsync(TypedAnswer(item));
                // Leaving the field autosaves everything answered so far.
                await field.BlurAsync();
                break;
        }
    }

    private Task<Attempt> AttemptOfAsync(Applicant applicant, Assessment assessment) =>
        site.App.WithDbAsync(db => db.Attempts.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.ApplicantId == applicant.Id && a.AssessmentId == assessment.Id));
}
