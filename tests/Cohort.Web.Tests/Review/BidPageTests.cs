using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Review;

/// <summary>
/// The reviewer's bid pages: a draft round's applications, blind, bid on with one plain form post; refusals say why
/// and save nothing; the admin's round page shows the bids.
/// </summary>
public abstract class BidPageTests(CohortApp app)
{
    private DateTime Now => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>A draft round whose canary application (every identity field hidden) is assigned to the demo reviewer; its subject id.</summary>
    private async Task<(AssignedApplication Assigned, int SubjectId)> DraftAsync()
    {
        await app.WithDbAsync(async db => { await AssignedApplication.HideEverythingAsync(db); return 0; });
        var assigned = await app.WithDbAsync(db => AssignedApplication.SeedAsync(db, Now, ReviewRoundState.Draft));
        return (assigned, await app.WithDbAsync(db => db.ReviewAssignments.Where(a => a.Id == assigned.AssignmentId).Select(a => a.SubjectId).SingleAsync()));
    }

    private static string Url(AssignedApplication assigned, int page = 1) => $"/review/bids/{assigned.RoundId}?p={page}";

    /// <summary>Every page of the round's bid sheet, first to last.</summary>
    private static async Task<List<Browser.Page>> SheetAsync(Browser reviewer, AssignedApplication assigned)
    {
        var pages = new List<Browser.Page> { await reviewer.GetAsync(Url(assigned)) };
        var count = pages[0].All("nav.pager a, nav.pager span").Count;
        for (int p = 2; p <= count; p++)
        {
            pages.Add(await reviewer.GetAsync(Url(assigned, p)));
        }

        return pages;
    }

    private Task<List<Bid>> BidsAsync(int round) => app.WithDbAsync(db => db.Bids.AsNoTracking().Where(b => b.RoundId == round).ToListAsync());

    [Fact]
    public async Task A_reviewer_bids_on_a_blind_rounds_applications_without_seeing_any_identity_field()
    {
        var (assigned, subjectId) = await DraftAsync();
        using var reviewer = await app.AsAsync(Roles.Reviewer);

        var list = await reviewer.GetAsync("/review/bids");
        var pages = await SheetAsync(reviewer, assigned);

        Assert.NotNull(list.One($"#rounds a[href='/review/bids/{assigned.RoundId}']"));
        foreach (var page in pages.Append(list))
        {
            Assert.Equal(200, page.Status);
            Assert.All(assigned.Canaries.Secrets, secret => Assert.DoesNotContain(secret, page.Document.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase));
        }

        var withCanary = pages.Single(p => p.One($"li[data-subject='{subjectId}']") is not null);
        var entry = withCanary.One($"li[data-subject='{subjectId}']")!;
        Assert.Contains(assigned.Canaries.Visible, entry.TextContent, StringComparison.Ordinal);
        Assert.Contains(BlindRedaction.NameHidden, entry.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Application B-{subjectId}", entry.TextContent, StringComparison.Ordinal);

        var saved = await reviewer.SubmitAsync(withCanary, "#bids", new Dictionary<string, string> { [$"Bids[{subjectId}]"] = nameof(BidLevel.Eager) });

        Assert.Contains("Saved 1 bid", saved.Text, StringComparison.Ordinal);
        Assert.Equal("checked", saved.One($"#bid-{subjectId}-Eager")?.GetAttribute("checked"));
        var bid = Assert.Single(await BidsAsync(assigned.RoundId));
        Assert.Equal((subjectId, BidLevel.Eager), (bid.SubjectId, bid.Level));

        using var admin = await app.AsAsync(Roles.Admin);
        var round = await admin.GetAsync($"/admin/review/rounds/{assigned.RoundId}");
        Assert.Contains("Eager", round.One($"li[data-assignment='{assigned.AssignmentId}'] .bid")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(round.All("#loads .bid-count"), cell => cell.TextContent.Trim() == "1");
    }

    [Fact]
    public async Task A_conflict_bid_hides_the_applications_answers_until_it_is_withdrawn()
    {
        var (assigned, subjectId) = await DraftAsync();
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var page = (await SheetAsync(reviewer, assigned)).Single(p => p.One($"li[data-subject='{subjectId}']") is not null);

        var declared = await reviewer.SubmitAsync(page, "#bids", new Dictionary<string, string> { [$"Bids[{subjectId}]"] = nameof(BidLevel.Conflict) });
        var entry = declared.One($"li[data-subject='{subjectId}']");

        Assert.NotNull(entry);
        Assert.DoesNotContain(assigned.Canaries.Visible, entry!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You declared a conflict of interest", entry.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<DeclaredConflict>().CountAsync(c => c.ApplicantId == assigned.ApplicantId)));

        var withdrawn = await reviewer.SubmitAsync(declared, "#bids", new Dictionary<string, string> { [$"Bids[{subjectId}]"] = "" });

        Assert.Contains(assigned.Canaries.Visible, withdrawn.One($"li[data-subject='{subjectId}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<DeclaredConflict>().CountAsync(c => c.ApplicantId == assigned.ApplicantId)));
        Assert.Empty(await BidsAsync(assigned.RoundId));
    }

    [Fact]
    public async Task Conflicting_bids_from_two_windows_at_once_leave_one_bid_and_a_declared_conflict_only_with_a_conflict_bid()
    {
        var (assigned, subjectId) = await DraftAsync();
        using var first = await app.AsAsync(Roles.Reviewer);
        using var second = await app.AsAsync(Roles.Reviewer);
        var windows = new[] { first, second };
        var pages = new List<Browser.Page>();
        foreach (var window in windows)
        {
            pages.Add((await SheetAsync(window, assigned)).Single(p => p.One($"li[data-subject='{subjectId}']") is not null));
        }

        // Six posts at the same moment, the two windows alternating between a conflict and an eager bid.
        var posts = Enumerable.Range(0, 6).Select(i => Task.Run(() => windows[i % 2].SubmitAsync(pages[i % 2], "#bids",
            new Dictionary<string, string> { [$"Bids[{subjectId}]"] = i % 2 == 0 ? nameof(BidLevel.Conflict) : nameof(BidLevel.Eager) })));
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, answer => Assert.Equal(200, answer.Status));
        Assert.All(answers, answer => Assert.True(
            answer.Text.Contains("Saved 1 bid", StringComparison.Ordinal) || answer.Text.Contains("nothing changed", StringComparison.Ordinal)
            || answer.Text.Contains(PlaceBids.Race, StringComparison.Ordinal), answer.Text));
        var bid = Assert.Single(await BidsAsync(assigned.RoundId));
        var declared = await app.WithDbAsync(db => db.Set<DeclaredConflict>().AsNoTracking().Where(c => c.ApplicantId == assigned.ApplicantId).ToListAsync());
        if (bid.Level == BidLevel.Conflict)
        {
            Assert.Equal(bid.DeclaredConflictId, Assert.Single(declared).Id);
        }
        else
        {
            Assert.Equal(BidLevel.Eager, bid.Level);
            Assert.Empty(declared);
        }
    }

    [Fact]
    public async Task Refused_bids_say_why_and_save_nothing()
    {
        var (assigned, subjectId) = await DraftAsync();
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var sheet = await reviewer.GetAsync(Url(assigned));

        var unknown = await reviewer.SubmitAsync(sheet, "#bids", new Dictionary<string, string> { ["Bids[999999]"] = nameof(BidLevel.Eager) }, follow: false);
        var nonsense = await reviewer.SubmitAsync(sheet, "#bids", new Dictionary<string, string> { [$"Bids[{subjectId}]"] = "Keen" }, follow: false);
        var number = await reviewer.SubmitAsync(sheet, "#bids", new Dictionary<string, string> { [$"Bids[{subjectId}]"] = "1" }, follow: false);

        Assert.Equal((200, 200, 200), (unknown.Status, nonsense.Status, number.Status));
        Assert.Contains("Application B-999999 is not open to you", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("“Keen” is not a bid", nonsense.Text, StringComparison.Ordinal);
        Assert.Contains("“1” is not a bid", number.Text, StringComparison.Ordinal);
        Assert.Empty(await BidsAsync(assigned.RoundId));

        await app.WithDbAsync(db => db.ReviewRounds.Where(r => r.Id == assigned.RoundId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReviewRoundState.Open)));
        var closed = await reviewer.GetAsync(Url(assigned));
        var late = await reviewer.SubmitAsync(sheet, "#bids", new Dictionary<string, string> { [$"Bids[{subjectId}]"] = nameof(BidLevel.Eager) }, follow: false);

        Assert.Contains(BidSheet.BiddingClosed, closed.One("#closed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(closed.One("#bids"));
        Assert.Contains(BidSheet.BiddingClosed, late.Text, StringComparison.Ordinal);
        Assert.Empty(await BidsAsync(assigned.RoundId));
    }

    [Fact]
    public async Task A_reviewer_outside_the_pool_finds_no_round_and_cannot_bid()
    {
        var (assigned, subjectId) = await DraftAsync();
        var email = $"outside-{Guid.NewGuid():N}@reviewers.example.org";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, "a long enough passphrase", "Outside Reviewer", Roles.Reviewer, Actor.System)).Succeeded);
        }

        using var outsider = await app.AsAsync(email, "a long enough passphrase");
        var list = await outsider.GetAsync("/review/bids");
        using var sheet = await outsider.Client.GetAsync(Url(assigned));
        var posted = await outsider.Client.PostAsync(Url(assigned), new FormUrlEncodedContent([new($"Bids[{subjectId}]", nameof(BidLevel.Eager))]));

        Assert.NotNull(list.One("#not-in-pool"));
        Assert.Equal(404, (int)sheet.StatusCode);
        Assert.True((int)posted.StatusCode is 400 or 404); // without the form's token the post is refused before it is read
        Assert.Empty(await BidsAsync(assigned.RoundId));
    }

    [Fact]
    public async Task A_reviewer_writes_their_own_expertise_statement()
    {
        using var reviewer = await app.AsAsync(Roles.Reviewer);
        var page = await reviewer.GetAsync("/review/bids");

        var tooLong = await reviewer.SubmitAsync(page, "#statement", new Dictionary<string, string> { ["Statement"] = new string('x', ReviewerProfile.StatementLength + 1) }, follow: false);
        var saved = await reviewer.SubmitAsync(page, "#statement", new Dictionary<string, string> { ["Statement"] = "  Sparse autoencoders on residual streams.  " });

        Assert.Contains("the most is 2,000", tooLong.Text, StringComparison.Ordinal);
        Assert.Contains("Saved your expertise statement", saved.Text, StringComparison.Ordinal);
        Assert.Equal("Sparse autoencoders on residual streams.", saved.One("#Statement")!.TextContent);
        var email = Cohort.Demo.DemoSeason.Accounts.Single(a => a.Role == Roles.Reviewer).Email;
        var profile = await app.WithDbAsync(db => db.ReviewerProfiles.AsNoTracking()
            .SingleAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email) && db.Seasons.Any(s => s.Id == p.SeasonId && s.IsCurrent)));
        Assert.Equal("Sparse autoencoders on residual streams.", profile.ExpertiseStatement);

        // The admin reads and edits the same statement on the pool's edit page.
        using var admin = await app.AsAsync(Roles.Admin);
        var edit = await admin.GetAsync($"/admin/review/pool/{profile.Id}/edit");
        Assert.Equal("Sparse autoencoders on residual streams.", edit.One("[name='Input.ExpertiseStatement']")!.TextContent.Trim());
        await admin.SubmitAsync(edit, "main form", new Dictionary<string, string> { ["Input.ExpertiseStatement"] = "Probing classifiers." });
        Assert.Equal("Probing classifiers.", await app.WithDbAsync(db => db.ReviewerProfiles.Where(p => p.Id == profile.Id).Select(p => p.ExpertiseStatement).SingleAsync()));
    }
}

public sealed class BidPageOnSqlite(SqliteApp app) : BidPageTests(app), IClassFixture<SqliteApp>;

public sealed class BidPageOnPostgres(PostgresApp app) : BidPageTests(app), IClassFixture<PostgresApp>;
