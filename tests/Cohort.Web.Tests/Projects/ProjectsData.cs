using Cohort.Core.Match;
using Cohort.Core.Projects;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Projects;

/// <summary>Puts fellows (applicants holding an offer of a stream) straight into the app's database, for the projects pages.</summary>
public sealed class ProjectsData(CohortApp app)
{
    /// <summary>The ranking form on the fellow's page and on a project's page alike.</summary>
    public const string RankingForm = "#project-ranking";

    /// <summary>The coalition's projects page, where its mentors pitch and decide.</summary>
    public static readonly string CoalitionProjects = $"/mentor/streams/{StreamsStageData.Coalition}/projects";

    public StreamsStageData StreamsStage { get; } = new(app);

    public sealed record Fellow(StreamsStageData.Person Person, int ApplicationId);

    /// <summary>A new applicant of <paramref name="streamSlug"/> holding an offer in <paramref name="state"/>: accepted makes them a fellow.</summary>
    public async Task<Fellow> FellowAsync(string streamSlug, OfferState state = OfferState.Accepted)
    {
        var person = await StreamsStage.NewAsync();
        var application = await StreamsStage.ApplyAsync(person, streamSlug, "Ready for a project");
        await app.WithDbAsync(async db =>
        {
            await HeldOffers.PutAsync(db, application, state);
            return true;
        });
        return new(person, application);
    }

    /// <summary>A project of <paramref name="streamSlug"/> in <paramref name="state"/>, one place, mentored by the stream's first mentor.</summary>
    public Task<int> ProjectAsync(string streamSlug, string pitchedById, ProjectState state = ProjectState.Approved) =>
        app.WithDbAsync(async db =>
        {
            var stream = await db.Streams.Include(s => s.Mentors).SingleAsync(s => s.Slug == streamSlug && s.Track!.Season!.IsCurrent);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var project = new Project
            {
                StreamId = stream.Id, Title = $"Project {Guid.NewGuid():N}", Description = "Put in by a test.", Capacity = 1, State = state,
                PitchedById = pitchedById, PitchedByFellow = state == ProjectState.Pending, CreatedAt = now, UpdatedAt = now,
            };
            project.Mentors.Add(new ProjectMentor { MentorId = stream.Mentors.OrderBy(m => m.Position).First().MentorId });
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });

    /// <summary>The antiforgery token of a signed-in browser, read from <paramref name="url"/>, for posts a page would not offer.</summary>
    public static async Task<string> TokenAsync(Browser browser, string url) =>
        (await browser.GetAsync(url)).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
