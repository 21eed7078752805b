using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// Reviewers' bids on a draft round: they move the affinity the solver maximises, a conflict bid is a declared conflict
/// the solver never assigns, and a refused batch of bids writes nothing at all.
/// </summary>
public abstract class BidTests(CoreServicesFixture core) : ReviewPoolTests(core)
{
    private static string Email(string who, string domain) => $"{who}-{Guid.NewGuid():N}@{domain}";

    private sealed record Instance(int Round, string R1, string R2, int A1, int A2, string Applicant1);

    /// <summary>
    /// Two applications, two reviewers each taking exactly one, one review per application. R1's tags are both in A1's
    /// answers (2 points), R2's one tag is in A2's (1 point); the other pairs share nothing (0 points). Bridging is off:
    /// with the tags as topics it would send each reviewer outside their own, which is not what these tests are about.
    /// </summary>
    private async Task<Instance> InstanceAsync()
    {
        var r1 = await DbAsync(db => ReviewPool.PersonAsync(db, Email("r1", "example.com")));
        var r2 = await DbAsync(db => ReviewPool.PersonAsync(db, Email("r2", "example.com")));
        var a1 = await DbAsync(db => ReviewPool.PersonAsync(db, Email("a1", "example.org")));
        var a2 = await DbAsync(db => ReviewPool.PersonAsync(db, Email("a2", "example.org")));
        return await DbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, r1, expertise: "interpretability\nprobes", minLoad: 1, maxLoad: 1);
            await ReviewPool.ReviewerAsync(db, r2, expertise: "oversight", minLoad: 1, maxLoad: 1);
            var first = await ReviewPool.ApplicationAsync(db, a1, "", "Interpretability with linear probes");
            var second = await ReviewPool.ApplicationAsync(db, a2, "", "Scalable oversight by debate");
            var round = await ReviewPool.RoundAsync(db, reviewsPerApplication: 1);
            (await db.ReviewRounds.SingleAsync(r => r.Id == round)).BridgingSharePercent = 0;
            await db.SaveChangesAsync();
            return new Instance(round, r1, r2, first, second, a1);
        });
    }

    private Task<BidsOutcome> BidAsync(string reviewerId, int round, params BidChange[] changes) =>
        Core.RunAsync<PlaceBids, BidsOutcome>(p => p.RunAsync(new Actor(reviewerId, reviewerId), round, changes));

    private Task<List<Bid>> BidsAsync(int round) => DbAsync(db => db.Bids.AsNoTracking().Where(b => b.RoundId == round).ToListAsync());

    private Task<int> DeclaredAsync(string applicantId) => DbAsync(db => db.Set<DeclaredConflict>().CountAsync(c => c.ApplicantId == applicantId));

    [Fact]
    public async Task Bids_change_the_assignment_in_a_hand_worked_instance()
    {
        // Keyword points only (the fixture), so a pair's affinity is its points / 10. Without bids the two possible
        // assignments score R1→A1 + R2→A2 = 0.2 + 0.1 = 0.3 and R1→A2 + R2→A1 = 0 + 0 = 0: the optimum is the first.
        // Bids: R1 eager on A2 (0 + 0.3 = 0.3), not willing on A1 (0.2 − 0.3, clamped to 0), R2 eager on A1 (0 + 0.3 = 0.3).
        // Now the first scores 0 + 0.1 = 0.1 and the second 0.3 + 0.3 = 0.6: the optimum swaps, at 0.3 a pair.
        var x = await InstanceAsync();
        await AssignAsync(x.Round);
        var before = await AssignmentsAsync(x.Round);
        Assert.Equal([(x.A1, x.R1, 0.2), (x.A2, x.R2, 0.1)], before.Select(a => (a.SubjectId, a.ReviewerId, a.Affinity)).OrderBy(p => p.SubjectId));

        Assert.Equal(new BidsOutcome(null, 2), await BidAsync(x.R1, x.Round, new(x.A2, BidLevel.Eager), new(x.A1, BidLevel.NotWilling)));
        Assert.Equal(new BidsOutcome(null, 1), await BidAsync(x.R2, x.Round, new BidChange(x.A1, BidLevel.Eager)));
        var outcome = await AssignAsync(x.Round);

        Assert.Null(outcome.Refusal);
        var after = await AssignmentsAsync(x.Round);
        Assert.Equal([(x.A1, x.R2, 0.3), (x.A2, x.R1, 0.3)], after.Select(a => (a.SubjectId, a.ReviewerId, a.Affinity)).OrderBy(p => p.SubjectId));
    }

    [Fact]
    public async Task A_conflict_bid_is_a_declared_conflict_never_assigned_and_withdrawing_the_bid_withdraws_it()
    {
        var x = await InstanceAsync();

        Assert.Equal(new BidsOutcome(null, 1), await BidAsync(x.R1, x.Round, new BidChange(x.A1, BidLevel.Conflict)));
        var conflict = await DbAsync(db => db.Set<DeclaredConflict>().AsNoTracking().SingleAsync(c => c.ApplicantId == x.Applicant1));
        Assert.Equal(conflict.Id, (await BidsAsync(x.Round)).Single().DeclaredConflictId);

        // R1 fits A1 best (2 points against 0), yet the conflict forbids the pair: A1 goes to R2, A2 to R1.
        await AssignAsync(x.Round);
        var assigned = await AssignmentsAsync(x.Round);
        Assert.DoesNotContain(assigned, a => a.SubjectId == x.A1 && a.ReviewerId == x.R1);
        Assert.Contains(assigned, a => a.SubjectId == x.A1 && a.ReviewerId == x.R2);

        // The sheet keeps the application so the bid can be withdrawn; withdrawing it removes the declaration it made.
        Assert.Equal(new BidsOutcome(null, 1), await BidAsync(x.R1, x.Round, new BidChange(x.A1, null)));
        Assert.Equal(0, await DeclaredAsync(x.Applicant1));
        Assert.Empty(await BidsAsync(x.Round));
    }

    [Fact]
    public async Task Changing_a_conflict_bid_to_another_level_withdraws_its_declaration()
    {
        var x = await InstanceAsync();
        await BidAsync(x.R1, x.Round, new BidChange(x.A1, BidLevel.Conflict));

        Assert.Equal(new BidsOutcome(null, 1), await BidAsync(x.R1, x.Round, new BidChange(x.A1, BidLevel.Willing)));

        Assert.Equal(0, await DeclaredAsync(x.Applicant1));
        var bid = (await BidsAsync(x.Round)).Single();
        Assert.Equal((BidLevel.Willing, (int?)null), (bid.Level, bid.DeclaredConflictId));
    }

    [Fact]
    public async Task Refused_bids_write_nothing()
    {
        var x = await InstanceAsync();
        var outsider = await DbAsync(db => ReviewPool.PersonAsync(db, Email("outsider", "example.com")));
        var withdrawn = await DbAsync(async db =>
        {
            var id = await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, Email("gone", "example.org")), "", "probes");
            (await db.Applications.SingleAsync(a => a.Id == id)).State = ApplicationState.Withdrawn;
            await db.SaveChangesAsync();
            return id;
        });
        var good = new BidChange(x.A1, BidLevel.Conflict);

        Assert.Equal(BidSheet.NotInPool, (await BidAsync(outsider, x.Round, new BidChange(x.A1, BidLevel.Eager))).Refusal);
        Assert.Equal(BidSheet.NoSuchRound, (await BidAsync(x.R1, x.Round + 1000, new BidChange(x.A1, BidLevel.Eager))).Refusal);
        Assert.Contains("not open to you", (await BidAsync(x.R1, x.Round, good, new BidChange(999_999, BidLevel.Eager))).Refusal);
        Assert.Contains("not open to you", (await BidAsync(x.R1, x.Round, good, new BidChange(withdrawn, BidLevel.Eager))).Refusal);
        Assert.Contains("more than one bid", (await BidAsync(x.R1, x.Round, good, new BidChange(x.A1, BidLevel.Eager))).Refusal);
        Assert.Contains("is not a bid", (await BidAsync(x.R1, x.Round, good, new BidChange(x.A2, (BidLevel)42))).Refusal);
        await AssignAsync(x.Round);
        Assert.Null(await Core.RunAsync<ChangeReviewRoundState, string?>(c => c.RunAsync(Admin, x.Round, ReviewRoundState.Open)));
        Assert.Equal(BidSheet.BiddingClosed, (await BidAsync(x.R1, x.Round, good)).Refusal);

        Assert.Empty(await BidsAsync(x.Round));
        Assert.Equal(0, await DeclaredAsync(x.Applicant1));
        Assert.Equal(0, await DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "review-round.bids" && e.Subject == $"review-round:{x.Round}")));
    }

    [Fact]
    public async Task The_sheet_puts_the_applications_matching_the_reviewers_expertise_first_and_leaves_conflicts_off()
    {
        var x = await InstanceAsync();
        var third = await DbAsync(async db => await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, Email("a3", "example.org")), "", "Probes of reward models"));
        var colleague = await DbAsync(async db => await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, Email("a4", "example.com")), "", "Interpretability"));

        var (sheet, refusal) = await DbAsync(db => BidSheet.OpenAsync(db, x.R1, x.Round, TestContext.Current.CancellationToken));

        Assert.Null(refusal);
        // A1 names both of R1's tags, the third application one, A2 none; the colleague shares R1's email domain.
        Assert.Equal([x.A1, third, x.A2], sheet!.Entries.Select(e => e.SubjectId));
        Assert.Equal([2, 1, 0], sheet.Entries.Select(e => e.ExpertiseAffinity));
        Assert.DoesNotContain(sheet.Entries, e => e.SubjectId == colleague);
        Assert.All(sheet.Entries, e => Assert.Equal($"Application B-{e.SubjectId}", e.Reference));
    }
}

public sealed class BidOnSqlite(SqliteKeywordCore core) : BidTests(core), IClassFixture<SqliteKeywordCore>;

public sealed class BidOnPostgres(PostgresKeywordCore core) : BidTests(core), IClassFixture<PostgresKeywordCore>;
