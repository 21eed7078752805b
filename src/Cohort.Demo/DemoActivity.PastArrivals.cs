using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

public sealed partial class DemoActivity
{
    /// <summary>
    /// Last year's stage 1 and 2, so this year's arrivals have last year's curve to compare with: the applicants who
    /// applied to last year's streams had submitted the general application first, spread more evenly over their first
    /// days than this year's (D-13 to D-9 on last year's calendar), and were advanced at both stages on the days this
    /// year's were. Their attempts are not kept: the past season's assessments are not the demo's.
    /// </summary>
    private async Task PastArrivalsAsync(DemoCalendar current, CancellationToken cancellation)
    {
        var calendar = current.YearBefore;
        var past = await db.Seasons.SingleOrDefaultAsync(s => s.Slug == calendar.SeasonSlug, cancellation);
        if (past is null || await db.ApplicationForms.AnyAsync(f => f.SeasonId == past.Id && f.Kind == FormKind.General, cancellation))
        {
            return;
        }

        var generalStage = await db.Stages.Where(s => s.Kind == StageKind.General && s.Track!.SeasonId == past.Id).OrderBy(s => s.Id).FirstAsync(cancellation);
        var form = DemoApplicationForm.For(past, generalStage);
        db.ApplicationForms.Add(form);
        await db.SaveChangesAsync(cancellation);

        // Last year's applicants in the order DemoPastSeason made them, which is the order of their first stream application.
        var applicants = await db.StreamApplications.Where(a => a.Stream!.Track!.SeasonId == past.Id)
            .GroupBy(a => a.ApplicantId).Select(g => new { Id = g.Key, First = g.Min(a => a.Id) }).OrderBy(a => a.First).Select(a => a.Id).ToListAsync(cancellation);
        var names = await db.Users.Where(u => applicants.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellation);
        var assessmentStages = await AssessmentEntries.StagesOf(db, past.Id).ToListAsync(cancellation);
        var random = new Random(2026);
        for (var i = 0; i < applicants.Count; i++)
        {
            var submittedAt = calendar.At(-9, 18).AddHours(-100 * random.NextDouble());
            var application = new Application
            {
                FormId = form.Id, ApplicantId = applicants[i], State = ApplicationState.Advanced,
                CreatedAt = submittedAt.AddHours(-12), UpdatedAt = calendar.At(-8, 10), SubmittedAt = submittedAt,
            };
            foreach (var question in form.Questions)
            {
                application.Answers.Add(AnswerTo(question, ApplicantCount + i, names[applicants[i]], past, applicants[i], submittedAt));
            }

            db.Applications.Add(application);
            AssessmentEntries.Place(db, [], assessmentStages, applicants[i], ApplicationState.Advanced, calendar.At(-3, 8));
        }

        await db.SaveChangesAsync(cancellation);
    }
}
