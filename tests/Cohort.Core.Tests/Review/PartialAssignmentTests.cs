using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// When no assignment gives every application its reviews, the refusal names the applications, each reviewer's reason
/// (a conflict rule or a full load) and the loads that run out; "assign what can be assigned" then gives exactly the
/// reviews that can be given, names the applications left short, and running it again only fills gaps.
/// </summary>
public abstract class PartialAssignmentTests(CoreServicesFixture core) : ReviewPoolTests(core)
{
    private Task<string> PersonAsync(string who, string domain) => DbAsync(db => ReviewPool.PersonAsync(db, $"{who}-{Guid.NewGuid():N}@{domain}"));

    private Task<string> EmailOfAsync(string userId) => DbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    private Task<AssignOutcome> AssignWhatCanAsync(int round) => Core.RunAsync<AssignReviewers, AssignOutcome>(a => a.AssignWhatCanBeAssignedAsync(Admin, round));

    /// <summary>
    /// Two reviews each for three applications; the reviewer at uni.example shares the first applicant's email domain,
    /// so that application has one eligible reviewer for its two reviews.
    /// </summary>
    private async Task<(int Round, string SameDomain, string Other, int[] Applications)> DomainConflictAsync()
    {
        var sameDomain = await PersonAsync("colleague", "uni.example");
        var other = await PersonAsync("stranger", "example.com");
        var applicants = new[] { await PersonAsync("a1", "uni.example"), await PersonAsync("a2", "example.org"), await PersonAsync("a3", "example.org") };
        return await DbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, sameDomain, maxLoad: 5);
            await ReviewPool.ReviewerAsync(db, other, maxLoad: 5);
            var applications = new int[applicants.Length];
            for (var i = 0; i < applicants.Length; i++)
            {
                applications[i] = await ReviewPool.ApplicationAsync(db, applicants[i]);
            }

            return (await ReviewPool.RoundAsync(db, 2), sameDomain, other, applications);
        });
    }

    [Fact]
    public async Task The_refusal_names_the_application_its_eligible_reviewer_and_the_reviewer_conflicted_by_email_domain()
    {
        var (round, sameDomain, other, applications) = await DomainConflictAsync();

        var outcome = await AssignAsync(round);

        Assert.Equal(0, outcome.Assigned);
        Assert.Contains($"#{applications[0]} ", outcome.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain(" )", outcome.Refusal, StringComparison.Ordinal);
        var diagnosis = outcome.Diagnosis!;
        var shortfall = Assert.Single(diagnosis.Short);
        Assert.Equal((applications[0], 2, 0), (shortfall.SubjectId, shortfall.Needs, shortfall.Has));
        Assert.Contains(await EmailOfAsync(other), Assert.Single(shortfall.Eligible), StringComparison.Ordinal);
        var conflicted = Assert.Single(shortfall.Others);
        Assert.Contains(await EmailOfAsync(sameDomain), conflicted.Reviewer, StringComparison.Ordinal);
        Assert.Equal("conflict: same email domain", conflicted.Reason);
        Assert.Equal((5, 6), (diagnosis.CanAssign, diagnosis.Missing));
        Assert.Empty(await AssignmentsAsync(round));
    }

    [Fact]
    public async Task Assigning_what_can_be_assigned_gives_exactly_the_feasible_reviews_and_names_the_application_left_short()
    {
        var (round, sameDomain, other, applications) = await DomainConflictAsync();

        var outcome = await AssignWhatCanAsync(round);

        Assert.Null(outcome.Refusal);
        Assert.Equal(5, outcome.Assigned);
        var expected = new[] { (applications[0], other), (applications[1], sameDomain), (applications[1], other), (applications[2], sameDomain), (applications[2], other) };
        Assert.Equal(expected.Order(), (await AssignmentsAsync(round)).Select(a => (a.SubjectId, a.ReviewerId)).Order());
        var shortfall = Assert.Single(outcome.Diagnosis!.Short);
        Assert.Equal((applications[0], 2, 1), (shortfall.SubjectId, shortfall.Needs, shortfall.Has));
        Assert.Empty(shortfall.Eligible);
        Assert.Equal("conflict: same email domain", Assert.Single(shortfall.Others).Reason);
        var audit = await DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "review-round.assigned" && e.Subject == $"review-round:{round}"));
        Assert.Contains($"1 application left short: #{applications[0]}", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigning_again_keeps_every_assignment_and_fills_only_the_gaps_a_new_reviewer_can_while_a_full_assignment_still_refuses_and_moves_nothing()
    {
        var (round, _, _, applications) = await DomainConflictAsync();
        await AssignWhatCanAsync(round);
        var first = (await AssignmentsAsync(round)).Select(a => a.Id).ToList();

        var refusedAgain = await AssignAsync(round);
        var nothingNew = await AssignWhatCanAsync(round);
        var newcomer = await PersonAsync("newcomer", "example.net");
        await DbAsync(db => ReviewPool.ReviewerAsync(db, newcomer, maxLoad: 5));
        var filled = await AssignWhatCanAsync(round);

        Assert.NotNull(refusedAgain.Refusal);
        Assert.Equal((0, 1), (refusedAgain.Diagnosis!.CanAssign, refusedAgain.Diagnosis.Missing));
        Assert.Equal(0, nothingNew.Assigned);
        Assert.Single(nothingNew.Diagnosis!.Short);
        Assert.Equal(1, filled.Assigned);
        Assert.Empty(filled.Diagnosis!.Short);
        var saved = await AssignmentsAsync(round);
        Assert.Equal(first, saved.Select(a => a.Id).Take(first.Count));
        Assert.Equal((applications[0], newcomer), saved.Skip(first.Count).Select(a => (a.SubjectId, a.ReviewerId)).Single());
    }

    [Fact]
    public async Task When_loads_run_out_the_refusal_names_the_reviewers_at_their_maximum_and_the_partial_assignment_fills_them()
    {
        var reviewers = new[] { await PersonAsync("r1", "example.com"), await PersonAsync("r2", "example.net") };
        var round = await DbAsync(async db =>
        {
            foreach (var reviewer in reviewers)
            {
                await ReviewPool.ReviewerAsync(db, reviewer, maxLoad: 3);
            }

            for (var i = 0; i < 4; i++)
            {
                await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, $"a{i}-{Guid.NewGuid():N}@example.org"));
            }

            return await ReviewPool.RoundAsync(db, 2);
        });
        var emails = new[] { await EmailOfAsync(reviewers[0]), await EmailOfAsync(reviewers[1]) };

        var refused = await AssignAsync(round);
        var partial = await AssignWhatCanAsync(round);

        Assert.EndsWith("applications need 8 reviews in total but reviewer maximum loads total only 6.", refused.Refusal, StringComparison.Ordinal);
        var limits = refused.Diagnosis!.Limits;
        Assert.Equal(2, limits.Count);
        Assert.All(emails, e => Assert.Single(limits, l => l.Reviewer.Contains(e, StringComparison.Ordinal) && (l.Load, l.MaxLoad) == (0, 3)));
        Assert.Equal((6, 8), (refused.Diagnosis.CanAssign, refused.Diagnosis.Missing));
        Assert.Equal(6, partial.Assigned);
        var saved = await AssignmentsAsync(round);
        Assert.All(reviewers, r => Assert.Equal(3, saved.Count(a => a.ReviewerId == r)));
        Assert.Equal(2, partial.Diagnosis!.Missing);
        Assert.NotEmpty(partial.Diagnosis.Short);
        Assert.All(partial.Diagnosis.Short, s =>
        {
            Assert.Empty(s.Eligible);
            Assert.Equal(2 - s.Has, s.Others.Count);
            Assert.All(s.Others, o => Assert.Equal("at maximum load (3 of 3)", o.Reason));
        });
    }

    [Fact]
    public async Task When_every_reviewer_conflicts_the_refusal_says_no_reviewer_can_take_them_and_nothing_can_be_assigned()
    {
        var reviewer = await PersonAsync("r", "demo.example");
        var round = await DbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, reviewer);
            await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, $"a1-{Guid.NewGuid():N}@demo.example"));
            await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, $"a2-{Guid.NewGuid():N}@demo.example"));
            return await ReviewPool.RoundAsync(db, 1);
        });

        var outcome = await AssignAsync(round);

        Assert.EndsWith("need 2 reviews but no reviewer can be paired with any of them.", outcome.Refusal, StringComparison.Ordinal);
        Assert.Equal(0, outcome.Diagnosis!.CanAssign);
        Assert.All(outcome.Diagnosis.Short, s => Assert.Equal("conflict: same email domain", Assert.Single(s.Others).Reason));
    }
}

public sealed class PartialAssignmentOnSqlite(SqliteCore core) : PartialAssignmentTests(core), IClassFixture<SqliteCore>;

public sealed class PartialAssignmentOnPostgres(PostgresCore core) : PartialAssignmentTests(core), IClassFixture<PostgresCore>;
