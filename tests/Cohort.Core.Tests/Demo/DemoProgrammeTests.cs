using Cohort.Core.Data;
using Cohort.Core.Programme;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Demo;

/// <summary>Last year's programme in the demo shows every state a past milestone can be in, and the demo fellow and mentor can walk it.</summary>
public abstract class DemoProgrammeTests(CoreServicesFixture core)
{
    [Fact]
    public async Task The_past_seasons_board_shows_every_assessment_a_submission_awaiting_sign_off_and_an_overdue_milestone()
    {
        var board = await core.RunAsync<CohortDbContext, Board>(async db =>
        {
            var past = await db.Seasons.Where(s => !s.IsCurrent).Select(s => s.Id).SingleAsync();
            return await ProgrammeBoard.LoadAsync(db, db.Fellowships, past, null, core.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        });
        var states = board.Rows.SelectMany(r => r.Cells).OfType<BoardCell>().Select(c => c.State).ToHashSet();

        Assert.Equal(DemoPastSeason.ApplicantCount, board.Rows.Count);
        // The extension round's milestones (DemoExtensions) are columns too, for its accepted fellows only.
        Assert.Equal(DemoProgramme.Milestones.Select(m => m.Title), board.Milestones.Where(m => m.ExtensionRoundId == null).Select(m => m.Title));
        Assert.Superset(new HashSet<MilestoneState> { MilestoneState.OnTrack, MilestoneState.AtRisk, MilestoneState.OffTrack, MilestoneState.Submitted, MilestoneState.Overdue }, states);
        Assert.Equal(Assessment.OffTrack, board.Rows[0].Latest);
        Assert.Contains(board.Rows, r => r.Cells.Any(c => c is { Late: true }));

        // The demo fellow is one of the demo mentor's fellows: the first by address (DemoCohortOrder), which the
        // account's new address no longer shows, so the test checks the stream, not the place.
        var (fellowIsTheMentors, mentorSeesFellows) = await core.RunAsync<CohortDbContext, (bool, int)>(async db =>
        {
            var fellow = await db.Users.SingleAsync(u => u.Email == DemoSeason.Fellow.Email);
            var mentor = await db.Users.SingleAsync(u => u.Email == DemoSeason.CoalitionMentor.Email);
            var mentored = FellowshipScope.OfMentor(db, mentor.Id).Where(f => !db.Seasons.Any(s => s.Id == f.SeasonId && s.IsCurrent));
            return (await mentored.AnyAsync(f => f.ApplicantId == fellow.Id), await mentored.CountAsync());
        });
        Assert.True(fellowIsTheMentors);
        Assert.InRange(mentorSeesFellows, 1, DemoPastSeason.ApplicantCount - 1);
    }
}

public sealed class DemoProgrammeOnSqlite(SqliteActivityCore core) : DemoProgrammeTests(core), IClassFixture<SqliteActivityCore>;

public sealed class DemoProgrammeOnPostgres(PostgresActivityCore core) : DemoProgrammeTests(core), IClassFixture<PostgresActivityCore>;
