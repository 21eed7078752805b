using System.Globalization;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// Stage 1 through the app's own use cases, for journeys that begin after it (its pages have their own journey):
/// every question of the current season's general application answered by its kind, the CV uploaded, submitted.
/// </summary>
public static class GeneralStage
{
    public static async Task SubmitAsync(LiveCohortApp app, string applicantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CohortDbContext>();
        var season = await db.Seasons.CurrentAsync() ?? throw new InvalidOperationException("There is no current season.");
        var form = await db.ApplicationForms.AsNoTracking().Include(f => f.Questions).SingleAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General);

        var answers = form.Questions.Where(q => q.Kind != QuestionKind.File).ToDictionary(q => q.Key, q => AnswerTo(q, season));
        var draft = await services.GetRequiredService<SaveDraft>().RunAsync(applicantId, form.Id, answers);
        Assert.True(draft.Refusal is null && draft.Problems.Count == 0, draft.Refusal + string.Join(" ", draft.Problems.Select(p => p.Message)));
        foreach (var question in form.Questions.Where(q => q.Kind == QuestionKind.File))
        {
            var upload = await services.GetRequiredService<StoreUpload>().RunAsync(applicantId, form.Id, question.Key, "cv.pdf", new MemoryStream("%PDF-1.7\n% A CV\n%%EOF\n"u8.ToArray()));
            Assert.Null(upload.Problem);
        }

        var submitted = await services.GetRequiredService<SubmitApplication>().RunAsync(applicantId, form.Id);
        Assert.True(submitted.Submitted, submitted.Refusal + string.Join(" ", submitted.Problems.Select(p => p.Message)));
    }

    private static string AnswerTo(Question question, Season season) => question.Kind switch
    {
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => question.Choices[0],
        QuestionKind.Url => "https://example.org/my-best-work",
        // Any date question may be the date of birth: old enough, with ten years to spare, on the first day of the programme.
        QuestionKind.Date => season.ProgrammeStart.AddYears(-(season.MinimumAge + 10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => "Written for a journey that starts after stage 1.",
    };
}
