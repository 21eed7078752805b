using Cohort.Core.Accounts;
using Cohort.Core.Artifacts;
using Cohort.Core.Audit;
using Cohort.Demo;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Artifacts;

/// <summary>Fellows of the current season and their artifacts, put in through the app's own use cases, for the artifact pages.</summary>
public sealed class ArtifactsData(CohortApp app)
{
    public StreamsStageData StreamsStage { get; } = new(app);

    public sealed record Fellow(StreamsStageData.Person Person, int FellowshipId)
    {
        public Actor Actor => new(Person.Id, "Stage Three " + Roles.Applicant);
    }

    /// <summary>A new fellow of <paramref name="streamSlug"/>: an accepted offer and the fellowship it makes.</summary>
    public async Task<Fellow> FellowAsync(string streamSlug = StreamsStageData.Coalition)
    {
        var person = await StreamsStage.NewAsync();
        var application = await StreamsStage.ApplyAsync(person, streamSlug, "Ready for the programme");
        var fellowship = await app.WithDbAsync(db => HeldFellowships.PutAsync(db, application, DateOnly.FromDateTime(CohortApp.Demo.At(200))));
        return new(person, fellowship);
    }

    /// <summary>A paper by <paramref name="fellow"/> alone, recorded through <see cref="RecordArtifact"/>, changed by <paramref name="with"/>.</summary>
    public async Task<int> RecordAsync(Fellow fellow, Func<ArtifactInput, ArtifactInput>? with = null)
    {
        var input = new ArtifactInput
        {
            Kind = ArtifactKind.Paper, Title = $"Paper {Guid.NewGuid():N}", Abstract = "Written by a test.", Authors = [AuthorChoice.Fellow(fellow.FellowshipId)],
            Licence = "CC-BY-4.0", State = ArtifactState.Submitted, ShowPublicly = true,
        };
        var outcome = await RunAsync<RecordArtifact, ArtifactOutcome>(record => record.RunAsync(fellow.Actor, (with ?? (i => i))(input)));
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Problems.Values));
        return outcome.Id!.Value;
    }

    /// <summary>Confirms the artifact as the demo mentor (a mentor of the coalition).</summary>
    public async Task ConfirmAsync(int artifactId)
    {
        var (mentor, version) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == DemoSeason.CoalitionMentor.Email).Select(u => new Actor(u.Id, u.DisplayName)).SingleAsync(),
            await db.Artifacts.Where(a => a.Id == artifactId).Select(a => a.Version).SingleAsync()));
        Assert.Null(await RunAsync<ConfirmArtifact, string?>(confirm => confirm.RunAsync(mentor, artifactId, version, confirm: true)));
    }

    /// <summary>A small PDF of <paramref name="bytes"/> bytes.</summary>
    public static byte[] Pdf(int bytes = 64)
    {
        var pdf = new byte[bytes];
        "%PDF-1.4\n"u8.CopyTo(pdf);
        return pdf;
    }

    /// <summary>Everything the artifact pages can write, to compare before and after a refused request.</summary>
    public Task<string> StateAsync() => app.WithDbAsync(async db => string.Join("|",
        string.Join(",", await db.Artifacts.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Title}:{a.Doi}:{a.State}:{a.ConfirmedAt}:{a.PdfFileId}:{a.Version}").ToListAsync()),
        await db.ArtifactAuthors.CountAsync(), await db.StoredFiles.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action.StartsWith("artifact"))));

    private async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
