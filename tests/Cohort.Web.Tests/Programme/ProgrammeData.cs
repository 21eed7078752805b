using Cohort.Core.Programme;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Programme;

/// <summary>Puts fellows (a fellowship, as accepting an offer makes one) and milestones of the current season straight into the app's database.</summary>
public sealed class ProgrammeData(CohortApp app)
{
    public StreamsStageData StreamsStage { get; } = new(app);

    public sealed record Fellow(StreamsStageData.Person Person, int FellowshipId);

    /// <summary>A new fellow of <paramref name="streamSlug"/> in the current season.</summary>
    public async Task<Fellow> FellowAsync(string streamSlug)
    {
        var person = await StreamsStage.NewAsync();
        var application = await StreamsStage.ApplyAsync(person, streamSlug, "Ready for the programme");
        var endsOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(120));
        return new(person, await app.WithDbAsync(db => HeldFellowships.PutAsync(db, application, endsOn)));
    }

    /// <summary>A milestone of the current season, due <paramref name="dueInDays"/> days from the app's clock.</summary>
    public Task<int> MilestoneAsync(SubmissionKind submission, int dueInDays = 14, bool requiresSignOff = true) =>
        app.WithDbAsync(async db =>
        {
            var milestone = new Milestone
            {
                SeasonId = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync(), Title = $"Milestone {Guid.NewGuid():N}",
                DueAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(dueInDays), Submission = submission, RequiresSignOff = requiresSignOff,
            };
            db.Milestones.Add(milestone);
            await db.SaveChangesAsync();
            return milestone.Id;
        });

    public Task<int> CheckInsAsync(int fellowshipId) => app.WithDbAsync(db => db.CheckIns.CountAsync(c => c.FellowshipId == fellowshipId));

    /// <summary>Posts the milestone's hand-in form with a PDF, as a browser does (multipart, with the page's antiforgery token).</summary>
    public static async Task<Browser.Page> HandInPdfAsync(Browser browser, int milestone, byte[] pdf)
    {
        var page = await browser.GetAsync("/portal/fellowship");
        var form = page.One($"[data-milestone='{milestone}'] form.submit-milestone")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(milestone.ToString(System.Globalization.CultureInfo.InvariantCulture)), "milestone" },
            { new ByteArrayContent(pdf), "pdf", "plan.pdf" },
        };
        return await browser.FollowAsync(await browser.Client.PostAsync(form.GetAttribute("action"), content), page.Url);
    }
}
