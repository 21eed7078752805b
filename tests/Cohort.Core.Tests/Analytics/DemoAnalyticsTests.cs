using Cohort.Core.Analytics;
using Cohort.Core.Analytics.Charts;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics;

/// <summary>The funnel, the arrivals and the streams on the demo as `dotnet run` seeds it, this season and last.</summary>
public abstract class DemoAnalyticsTests(CoreServicesFixture core)
{
    private static readonly string[] Topics = ["funnel", "arrivals", "streams"];

    /// <summary>Fourteen hours ahead of UTC: an evening submission in UTC lands on the next day there.</summary>
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");

    private async Task<int> SeededSeasonAsync(bool current = true)
    {
        return await core.SeasonIdAsync(current);
    }

    [Fact]
    public async Task Every_chart_has_something_to_show_on_the_demo_season()
    {
        var season = await SeededSeasonAsync();

        foreach (var topic in Topics)
        {
            var section = await core.SectionAsync(topic, season);
            Assert.NotEmpty(section.Charts);
            Assert.All(section.Charts, chart => Assert.True(chart.Empty is null, $"{topic}/{chart.Key}: {chart.Empty}"));
        }
    }

    [Fact]
    public async Task Each_arrivals_curve_counts_by_the_end_of_each_day_in_the_readers_zone_what_was_submitted_then()
    {
        var season = await SeededSeasonAsync();
        var submitted = await core.RunAsync<CohortDbContext, List<DateTime>>(db => db.Applications
            .Where(a => a.Form!.SeasonId == season && a.Form.Kind == FormKind.General && a.SubmittedAt != null).Select(a => a.SubmittedAt!.Value).ToListAsync());

        var chart = (await core.SectionAsync("arrivals", season, zone: Kiritimati)).Charts.Single(c => c.Key == "stage-1");

        var shown = chart.Table.Rows.Where(r => r[2] is not null).ToList();
        Assert.All(shown, row => Assert.Equal(
            submitted.Count(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(t, Kiritimati)) <= (DateOnly)row[0]!), (int)row[2]!));
        Assert.Equal(submitted.Count, (int)shown[^1][2]!);
        var line = ((LineFigure)chart.Figure).Lines[0];
        Assert.Equal(shown.Select(r => (double)(int)r[2]!), line.Points.Select(p => p.Y));
    }

    [Theory]
    [InlineData("stage-1")]
    [InlineData("stage-3")]
    public async Task Each_stage_arrives_against_its_deadline_beside_last_seasons_curve_moved_onto_it(string key)
    {
        var season = await SeededSeasonAsync();
        var past = await core.SeasonIdAsync(current: false);
        var kind = key == "stage-1" ? StageKind.General : StageKind.Streams;
        var (mine, theirs, deadline) = await core.RunAsync<CohortDbContext, (int, int, DateTime)>(async db => kind == StageKind.General
            ? (await db.Applications.CountAsync(a => a.Form!.SeasonId == season && a.SubmittedAt != null),
                await db.Applications.CountAsync(a => a.Form!.SeasonId == past && a.SubmittedAt != null),
                await db.ApplicationForms.Where(f => f.SeasonId == season && f.Kind == FormKind.General).Select(f => f.ClosesAt).SingleAsync())
            : (await db.StreamApplications.CountAsync(a => a.Stream!.Track!.SeasonId == season && a.SubmittedAt != null),
                await db.StreamApplications.CountAsync(a => a.Stream!.Track!.SeasonId == past && a.SubmittedAt != null),
                await db.Stages.Where(s => s.Kind == StageKind.Streams && s.Track!.SeasonId == season).Select(s => s.ClosesAt).SingleAsync()));

        var figure = (LineFigure)(await core.SectionAsync("arrivals", season)).Charts.Single(c => c.Key == key).Figure;

        Assert.Equal(2, figure.Lines.Count);
        Assert.True(theirs > 0, "Last season has arrivals at this stage on the demo.");
        Assert.Equal(((double)mine, false), (figure.Lines[0].Points[^1].Y, figure.Lines[0].Dashed));
        Assert.Equal(((double)theirs, true), (figure.Lines[1].Points[^1].Y, figure.Lines[1].Dashed));
        Assert.Equal(deadline.Ticks, Assert.Single(figure.Markers).X);
    }

    [Fact]
    public async Task A_stream_scoped_section_names_no_other_stream_and_no_applicant()
    {
        var season = await SeededSeasonAsync();
        var (streams, people) = await core.RunAsync<CohortDbContext, (List<(int Id, string Name)>, List<string>)>(async db => (
            (await db.Streams.Where(s => s.Track!.SeasonId == season).Select(s => new { s.Id, s.Name }).ToListAsync()).Select(s => (s.Id, s.Name)).ToList(),
            await db.Users.Where(u => db.StreamApplications.Any(a => a.ApplicantId == u.Id)).Select(u => u.DisplayName).ToListAsync()));

        foreach (var (id, name) in streams)
        {
            foreach (var topic in Topics)
            {
                var text = (await core.SectionAsync(topic, season, id)).Text();
                Assert.Contains(name, text, StringComparison.Ordinal);
                Assert.All(streams.Where(s => s.Id != id), other => Assert.DoesNotContain(other.Name, text, StringComparison.Ordinal));
                Assert.All(people, person => Assert.DoesNotContain(person, text, StringComparison.Ordinal));
            }
        }
    }
}

public sealed class DemoAnalyticsOnSqlite(SqliteActivityCore core) : DemoAnalyticsTests(core), IClassFixture<SqliteActivityCore>;

public sealed class DemoAnalyticsOnPostgres(PostgresActivityCore core) : DemoAnalyticsTests(core), IClassFixture<PostgresActivityCore>;
