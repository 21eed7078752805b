using Cohort.Core.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using System.Text.Json;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Match;

/// <summary>The admin's match page through HTTP: only admins run or read it, and a run is stored and shown with its certificate.</summary>
public abstract class MatchPageTests(CohortApp app)
{
    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Mentor)]
    [InlineData(Roles.Reviewer)]
    public async Task Non_admins_can_neither_read_nor_run_the_match(string role)
    {
        var runs = await app.WithDbAsync(db => db.MatchRuns.CountAsync());
        using var browser = await app.AsAsync(role);

        var page = await browser.GetAsync("/admin/match");
        var post = await browser.PostAsAsync("/admin/match?handler=Run", new Dictionary<string, string> { ["algorithm"] = "Applicants" });
        var deadline = await browser.PostAsAsync("/admin/match?handler=Deadline", new Dictionary<string, string> { ["RankingDeadline"] = "2027-04-01T12:00" });

        foreach (var response in new[] { page, post, deadline })
        {
            Assert.True(response.Status == 403 || (response.Status == 302 && response.Response.Headers.Location!.ToString().Contains("access-denied", StringComparison.Ordinal)), $"{role}: {response.Status}");
        }

        Assert.Equal(runs, await app.WithDbAsync(db => db.MatchRuns.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.MatchSettings.AnyAsync(s => s.RankingDeadline == new DateTime(2027, 4, 1, 12, 0, 0, DateTimeKind.Utc))));
    }

    [Fact]
    public async Task An_admin_sets_the_applicants_ranking_deadline_and_it_is_audited()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var after = await admin.SubmitAsync(await admin.GetAsync("/admin/match"), "#deadline", new Dictionary<string, string> { ["RankingDeadline"] = "2027-04-02T09:30" });

        Assert.Contains("until 2 April 2027 09:30 UTC", after.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2027, 4, 2, 9, 30, 0, DateTimeKind.Utc), await app.WithDbAsync(db => db.MatchSettings.Select(s => s.RankingDeadline).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "match.ranking-deadline")));
    }

    [Fact]
    public async Task An_admin_runs_the_match_and_sees_the_stored_run_with_its_certificate()
    {
        using var admin = await app.AsAsync(Roles.Admin);
        var page = await admin.GetAsync("/admin/match");

        var after = await admin.SubmitAsync(page, "#run", new Dictionary<string, string> { ["algorithm"] = nameof(MatchAlgorithm.HostsPropose) });

        var run = await app.WithDbAsync(db => db.MatchRuns.OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal(MatchAlgorithm.HostsPropose, run.Algorithm);
        Assert.Contains($"Run {run.Id}", after.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Stable", after.One("#certificate")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(await app.WithDbAsync(db => db.Streams.CountAsync(s => s.Track!.Season!.IsCurrent)), after.All("#fills tbody tr").Count);
    }

    [Fact]
    public async Task A_run_optimal_on_scores_shows_its_optimality_proof_and_a_score_column()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        var after = await admin.SubmitAsync(await admin.GetAsync("/admin/match"), "#run", new Dictionary<string, string> { ["algorithm"] = nameof(MatchAlgorithm.Scores) });

        var run = await app.WithDbAsync(db => db.MatchRuns.OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal(MatchAlgorithm.Scores, run.Algorithm);
        Assert.Contains("Optimal:", after.One("#certificate")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("optimal on scores", after.One("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Score", after.One("#placements thead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_capacity_below_its_accepted_seats_is_refused_and_nothing_changes()
    {
        var data = new StreamApplications.StreamsStageData(app);
        var applicant = await data.NewAsync();
        var application = await data.ApplyAsync(applicant, StreamApplications.StreamsStageData.Internals, "Accepted already");
        var (streamId, capacity) = await app.WithDbAsync(async db =>
        {
            var stream = await db.Streams.SingleAsync(s => s.Slug == StreamApplications.StreamsStageData.Internals);
            var run = new MatchRun { SeasonId = (await db.Seasons.SingleAsync(x => x.IsCurrent)).Id, CreatedBy = "test", PublishedAt = DateTime.UtcNow, Certified = true,
                InputJson = JsonSerializer.Serialize(new MatchInput([], [])), ResultJson = JsonSerializer.Serialize(new MatchResult([], [], new MatchCertificate(true, true, 0))) };
            db.MatchRuns.Add(run);
            await db.SaveChangesAsync();
            db.Offers.Add(new Offer { RunId = run.Id, SeasonId = run.SeasonId, StreamId = stream.Id, StreamApplicationId = application, ApplicantId = applicant.Id, State = OfferState.Accepted, RespondBy = DateTime.UtcNow.AddDays(1) });
            await db.SaveChangesAsync();
            return (stream.Id, stream.Capacity);
        });
        using var admin = await app.AsAsync(Roles.Admin);
        var form = await admin.GetAsync($"/admin/streams/{StreamApplications.StreamsStageData.Internals}/edit");

        var refused = await admin.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Capacity"] = "0" });

        Assert.Contains("already accepted a seat", refused.Text, StringComparison.Ordinal);
        Assert.Equal(capacity, await app.WithDbAsync(db => db.Streams.Where(s => s.Id == streamId).Select(s => s.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_run_is_not_found()
    {
        using var admin = await app.AsAsync(Roles.Admin);

        Assert.Equal(404, (await admin.GetAsync("/admin/match?run=987654")).Status);
    }
}

public sealed class MatchPageOnSqlite(SqliteApp app) : MatchPageTests(app), IClassFixture<SqliteApp>;

public sealed class MatchPageOnPostgres(PostgresApp app) : MatchPageTests(app), IClassFixture<PostgresApp>;
