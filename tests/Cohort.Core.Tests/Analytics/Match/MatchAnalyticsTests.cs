using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Match;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Analytics.Match;

/// <summary>
/// The match section on the instance of <see cref="ScoreMatchRunTests"/>, solved by hand: two one-seat streams, the
/// coalition C (ranks P, Q, R; scored P 9, Q 8) and Internals I (ranks P, Q; scored P 9, Q 1). P and Q rank C then I,
/// R ranks C only. The stable run places P at C and Q at I; the run on scores places P at I and Q at C, leaves R out,
/// and costs one blocking pair: P and C, who both rank each other above what they got.
/// </summary>
public abstract class MatchAnalyticsTests
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected MatchAnalyticsTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    [Fact]
    public async Task The_run_on_scores_is_described_by_its_choices_ranks_fill_blocking_pairs_and_moves_and_a_streams_view_names_no_other_stream()
    {
        var (p, q, r, c, i) = await MatchScenario.ScoredAsync(core, applicants);
        await core.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Admin, MatchAlgorithm.CandidatesPropose));
        var onScores = await core.RunAsync<RunStreamMatch, MatchRun?>(match => match.RunAsync(Admin, MatchAlgorithm.Scores));
        var season = await applicants.SeasonIdAsync();
        var streams = await core.RunAsync<CohortDbContext, Dictionary<int, string>>(db => db.Streams.Where(s => s.Track!.SeasonId == season).ToDictionaryAsync(s => s.Id, s => s.Name));
        var (coalition, internals) = (streams[c], streams[i]);

        var section = await core.SectionAsync("match", season);

        // Nothing is published, so the section describes the latest run: the one on scores.
        Assert.Contains($"run {onScores!.Id} (optimal on scores", section.Chart("choices").Description, StringComparison.Ordinal);
        Assert.Equal([["1st choice", "1", "33.3"], ["2nd choice", "1", "33.3"], ["not placed", "1", "33.3"]], section.Rows("choices"));
        Assert.Equal([["1st on the list", "1", "50"], ["2nd on the list", "1", "50"]], section.Rows("stream-ranks"));
        var fill = section.Rows("fill");
        Assert.Equal(streams.Count, fill.Count);
        Assert.Equal([coalition, "1", "1", "100"], fill.Single(row => row[0] == coalition));
        Assert.All(fill.Where(row => row[0] != coalition && row[0] != internals), row => Assert.Equal(["0", "0", ""], row[1..]));
        Assert.Equal([[coalition, "1", $"Stream Applicant ({internals})"]], section.Rows("blocking-pairs"));
        // The same count the run's certificate holds: the section asks the same checker for every pair.
        Assert.Equal(JsonSerializer.Deserialize<MatchResult>(onScores.ResultJson)!.Certificate.BlockingPairs, section.Chart("blocking-pairs").Table.Rows.Sum(row => (int)row[1]!));
        Assert.Equal(
            new[] { new[] { coalition, "1", "1", $"Stream Applicant ({internals})", $"Stream Applicant ({internals})" }, [internals, "1", "1", $"Stream Applicant ({coalition})", $"Stream Applicant ({coalition})"] }
                .OrderBy(row => row[0], StringComparer.Ordinal),
            section.Rows("moved"));
        Assert.All(section.Charts, chart => Assert.Null(chart.Empty));

        var coalitionView = await core.SectionAsync("match", season, c);

        Assert.Equal([["1st choice", "1", "100"]], coalitionView.Rows("choices"));
        // The bins run from the first, empty ones included, so the chart shows where nobody stood too.
        Assert.Equal([["1st on the list", "0", "0"], ["2nd on the list", "1", "100"]], coalitionView.Rows("stream-ranks"));
        Assert.Equal([[coalition, "1", "1", "100"]], coalitionView.Rows("fill"));
        Assert.Equal([[coalition, "1", "Stream Applicant (another stream)"]], coalitionView.Rows("blocking-pairs"));
        Assert.Equal([[coalition, "1", "1", "Stream Applicant (another stream)", "Stream Applicant (another stream)"]], coalitionView.Rows("moved"));
        var text = coalitionView.Text();
        Assert.All(streams.Values.Where(name => name != coalition), other => Assert.DoesNotContain(other, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_season_without_a_run_says_so_on_every_chart()
    {
        var section = await core.SectionAsync("match", await SeasonWithoutRunsAsync());

        Assert.All(section.Charts, chart => Assert.NotNull(chart.Empty));
        Assert.All(section.Charts, chart => Assert.Empty(chart.Table.Rows));
    }

    /// <summary>A new season of its own, with nothing in it: no stream, no run.</summary>
    private Task<int> SeasonWithoutRunsAsync() => core.RunAsync<CohortDbContext, int>(async db =>
    {
        var season = new Cohort.Core.Catalogue.Season { Slug = $"bare-{Guid.NewGuid():N}"[..20], Name = "A season with no match", IsCurrent = false };
        db.Seasons.Add(season);
        await db.SaveChangesAsync();
        return season.Id;
    });
}

public sealed class MatchAnalyticsOnSqlite(SqliteCore core) : MatchAnalyticsTests(core), IClassFixture<SqliteCore>;

public sealed class MatchAnalyticsOnPostgres(PostgresCore core) : MatchAnalyticsTests(core), IClassFixture<PostgresCore>;
