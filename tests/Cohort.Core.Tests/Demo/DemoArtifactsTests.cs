using Cohort.Core.Artifacts;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Demo;

/// <summary>Last year's artifacts in the demo: every kind and state, shared ones, mentors and outsiders among the authors, most on the showcase, the demo fellow's among them.</summary>
public abstract class DemoArtifactsTests(CoreServicesFixture core)
{
    [Fact]
    public async Task Last_years_artifacts_are_of_every_kind_and_state_and_most_are_on_the_showcase()
    {
        var (artifacts, authors, publicIds, fellowOwns, awaitingDemoMentor) = await core.RunAsync<CohortDbContext, (List<Artifact>, List<ArtifactAuthor>, List<int>, int, int)>(async db =>
        {
            var fellow = await db.Users.SingleAsync(u => u.Email == DemoSeason.Fellow.Email);
            var mentor = await db.Users.SingleAsync(u => u.Email == DemoSeason.CoalitionMentor.Email);
            return (await db.Artifacts.AsNoTracking().ToListAsync(), await db.ArtifactAuthors.AsNoTracking().ToListAsync(), await Showcase.Public(db).Select(a => a.Id).ToListAsync(),
                await ArtifactScope.OfFellow(db, fellow.Id).CountAsync(),
                await ArtifactScope.OfMentor(db, mentor.Id).CountAsync(a => a.ConfirmedAt == null && a.State != ArtifactState.Draft));
        });

        Assert.InRange(artifacts.Count, 12, 100);
        Assert.Equal(Enum.GetValues<ArtifactKind>().ToHashSet(), artifacts.Select(a => a.Kind).ToHashSet());
        Assert.Equal(Enum.GetValues<ArtifactState>().ToHashSet(), artifacts.Select(a => a.State).ToHashSet());
        Assert.True(publicIds.Count > artifacts.Count / 2, $"{publicIds.Count} of {artifacts.Count} public");
        Assert.Contains(artifacts, a => a.ConfirmedAt is not null && !a.ShowPublicly);
        Assert.Contains(artifacts, a => a.ConfirmedAt is null && a.State != ArtifactState.Draft);
        Assert.Contains(authors.GroupBy(a => a.ArtifactId), byline => byline.Count(a => a.FellowshipId is not null) >= 2);
        Assert.Contains(authors, a => a.MentorId is not null);
        Assert.Contains(authors, a => a.FellowshipId is null && a.MentorId is null && a.Name.Length > 0);
        Assert.Contains(artifacts, a => a.PdfFileId is not null && publicIds.Contains(a.Id));
        Assert.All(artifacts.Where(a => a.Doi.Length > 0), a => Assert.StartsWith("10.5555/", a.Doi, StringComparison.Ordinal));
        Assert.InRange(fellowOwns, 3, artifacts.Count);
        Assert.InRange(awaitingDemoMentor, 1, artifacts.Count);
    }
}

public sealed class DemoArtifactsOnSqlite(SqliteActivityCore core) : DemoArtifactsTests(core), IClassFixture<SqliteActivityCore>;

public sealed class DemoArtifactsOnPostgres(PostgresActivityCore core) : DemoArtifactsTests(core), IClassFixture<PostgresActivityCore>;
