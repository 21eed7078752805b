using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Programme;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Demo;

/// <summary>The demo's 2026 extension phase: one round decided every way, the demo fellow extended with milestones ahead, and a second call open now.</summary>
public abstract class DemoExtensionsTests(CoreServicesFixture core)
{
    [Fact]
    public async Task The_decided_round_extends_the_demo_fellow_and_a_second_call_is_open_now()
    {
        var now = core.Clock.GetUtcNow().UtcDateTime;

        var facts = await core.RunAsync<CohortDbContext, (List<ApplicationState> States, int Endorsed, DateOnly FellowEndsOn, bool FellowAccepted, int Milestones, bool OpenNow, int Waiting)>(async db =>
        {
            var decided = await db.ExtensionRounds.SingleAsync(r => r.Name == DemoExtensions.DecidedRound);
            var open = await db.ExtensionRounds.SingleAsync(r => r.Name == DemoExtensions.OpenRound);
            var applications = await db.ExtensionApplications.Include(a => a.Endorsements).Where(a => a.RoundId == decided.Id).ToListAsync();
            var fellow = await db.Users.Where(u => u.Email == DemoSeason.Fellow.Email).Select(u => u.Id).SingleAsync();
            var fellowship = await db.Fellowships.SingleAsync(f => f.ApplicantId == fellow && f.SeasonId == decided.SeasonId);
            var milestones = await MilestoneProgress.For(db, fellowship).CountAsync(m => m.ExtensionRoundId == decided.Id && m.DueAt > now);
            return (applications.Select(a => a.State).ToList(), applications.Count(a => a.Endorsements.Count > 0), fellowship.EndsOn,
                applications.Any(a => a.FellowshipId == fellowship.Id && a.State == ApplicationState.Advanced), milestones, open.IsOpenAt(now),
                await db.ExtensionApplications.CountAsync(a => a.RoundId == open.Id && a.State == ApplicationState.Submitted));
        });

        Assert.Equal(4, facts.States.Count(s => s == ApplicationState.Advanced));
        Assert.Contains(ApplicationState.Waitlisted, facts.States);
        Assert.Contains(ApplicationState.Rejected, facts.States);
        Assert.Equal(facts.States.Count, facts.Endorsed);
        Assert.True(facts.FellowAccepted);
        Assert.True(facts.FellowEndsOn > DateOnly.FromDateTime(now));
        Assert.Equal(2, facts.Milestones);
        Assert.True(facts.OpenNow);
        Assert.Equal(1, facts.Waiting);
    }
}

public sealed class DemoExtensionsOnSqlite(SqliteActivityCore core) : DemoExtensionsTests(core), IClassFixture<SqliteActivityCore>;

public sealed class DemoExtensionsOnPostgres(PostgresActivityCore core) : DemoExtensionsTests(core), IClassFixture<PostgresActivityCore>;
