using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// Reviewers are assigned by the optimal solver: never a conflicted pair, exactly k reviews per application, loads
/// within range; an impossible round saves nothing and says why; declining finds a replacement within the same rules.
/// </summary>
public abstract class ReviewAssignmentTests(CoreServicesFixture core) : ReviewPoolTests(core)
{
    private static string Email(string who, string domain) => $"{who}-{Guid.NewGuid():N}@{domain}";

    private Task<string> PersonAsync(string email) => DbAsync(db => ReviewPool.PersonAsync(db, email));

    /// <summary>
    /// Five applications and four reviewers with one conflict of each kind, plus a shared public mail domain that is none.
    /// Returns the round and the forbidden (application, reviewer) pairs.
    /// </summary>
    private async Task<(int Round, HashSet<(int, string)> Forbidden, List<string> Reviewers, List<int> Applications)> ScenarioAsync(int reviewsPerApplication, int minLoad = 1, int maxLoad = 4)
    {
        var sameOrganisation = await PersonAsync(Email("r1", "example.net"));
        var sameDomain = await PersonAsync(Email("r2", "uni.example"));
        var publicDomain = await PersonAsync(Email("r3", "gmail.com"));
        var declares = await PersonAsync(Email("r4", "example.com"));
        var applicants = new List<string>
        {
            await PersonAsync(Email("a1", "example.org")), await PersonAsync(Email("a2", "uni.example")), await PersonAsync(Email("a3", "example.org")),
            await PersonAsync(Email("a4", "gmail.com")), await PersonAsync(Email("a5", "example.org")),
        };
        return await DbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, sameOrganisation, "Acme Labs", expertise: "oversight", minLoad: minLoad, maxLoad: maxLoad);
            await ReviewPool.ReviewerAsync(db, sameDomain, "University", minLoad: minLoad, maxLoad: maxLoad);
            await ReviewPool.ReviewerAsync(db, publicDomain, "", expertise: "interpretability", minLoad: minLoad, maxLoad: maxLoad);
            var declaring = await ReviewPool.ReviewerAsync(db, declares, "", minLoad: minLoad, maxLoad: maxLoad);
            var applications = new List<int>
            {
                await ReviewPool.ApplicationAsync(db, applicants[0], "acme  labs", "scalable oversight"),
                await ReviewPool.ApplicationAsync(db, applicants[1], "", "interpretability"),
                await ReviewPool.ApplicationAsync(db, applicants[2]),
                await ReviewPool.ApplicationAsync(db, applicants[3], "", "Interpretability of probes"),
                await ReviewPool.ApplicationAsync(db, applicants[4]),
            };
            await ReviewPool.DeclareAsync(db, declaring, applicants[2]);
            var forbidden = new HashSet<(int, string)> { (applications[0], sameOrganisation), (applications[1], sameDomain), (applications[2], declares) };
            return (await ReviewPool.RoundAsync(db, reviewsPerApplication), forbidden, new List<string> { sameOrganisation, sameDomain, publicDomain, declares }, applications);
        });
    }

    [Fact]
    public async Task The_solver_never_assigns_a_conflict_gives_every_application_k_reviews_and_keeps_loads_in_range()
    {
        var (round, forbidden, reviewers, applications) = await ScenarioAsync(reviewsPerApplication: 3, minLoad: 3, maxLoad: 4);

        var outcome = await AssignAsync(round);

        var saved = await AssignmentsAsync(round);
        Assert.Null(outcome.Refusal);
        Assert.Equal(15, outcome.Assigned);
        Assert.DoesNotContain(saved, a => forbidden.Contains((a.SubjectId, a.ReviewerId)));
        Assert.All(applications, id => Assert.Equal(3, saved.Count(a => a.SubjectId == id)));
        Assert.All(reviewers, r => Assert.InRange(saved.Count(a => a.ReviewerId == r), 3, 4));
        Assert.All(saved, a => Assert.Equal((AssignmentOrigin.Solver, AssignmentState.Assigned), (a.Origin, a.State)));
        // The gmail reviewer shares only a public domain with the gmail applicant, whose answers name their expertise:
        // one tag, 1 point of 10 (keyword points only, the fixture).
        Assert.Contains(saved, a => a.SubjectId == applications[3] && a.ReviewerId == reviewers[2] && a.Affinity == 0.1);
        Assert.Equal(1, await DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "review-round.assigned" && e.Subject == $"review-round:{round}")));
    }

    [Fact]
    public async Task Running_again_replaces_the_solvers_assignments_but_keeps_those_made_by_hand_which_count_towards_coverage()
    {
        var (round, _, reviewers, applications) = await ScenarioAsync(reviewsPerApplication: 2, minLoad: 0, maxLoad: 5);
        Assert.Null(await Core.RunAsync<AssignReviewersByHand, string?>(h => h.AddAsync(Admin, round, applications[4], reviewers[0])));
        await AssignAsync(round);

        var second = await AssignAsync(round);

        var saved = await AssignmentsAsync(round);
        Assert.Equal(9, second.Assigned);
        var manual = Assert.Single(saved, a => a.Origin == AssignmentOrigin.Manual);
        Assert.Equal((applications[4], reviewers[0]), (manual.SubjectId, manual.ReviewerId));
        Assert.All(applications, id => Assert.Equal(2, saved.Count(a => a.SubjectId == id)));
        Assert.Equal(saved.Count, saved.Select(a => (a.SubjectId, a.ReviewerId)).Distinct().Count());
    }

    [Fact]
    public async Task Assigning_by_hand_refuses_a_conflict_and_a_duplicate()
    {
        var (round, forbidden, _, _) = await ScenarioAsync(reviewsPerApplication: 1);
        var hand = (Func<int, string, Task<string?>>)((subject, reviewer) =>
            Core.RunAsync<AssignReviewersByHand, string?>(h => h.AddAsync(Admin, round, subject, reviewer)));

        foreach (var (subject, reviewer) in forbidden)
        {
            Assert.Contains("cannot review", await hand(subject, reviewer), StringComparison.Ordinal);
        }

        var (first, firstReviewer) = forbidden.First();
        var allowed = (await DbAsync(db => db.ReviewerProfiles.Select(p => p.UserId).ToListAsync())).First(r => r != firstReviewer);
        Assert.Null(await hand(first, allowed));
        Assert.Contains("already assigned", await hand(first, allowed), StringComparison.Ordinal);
        Assert.Single(await AssignmentsAsync(round));
    }

    [Fact]
    public async Task An_impossible_round_saves_nothing_and_the_diagnosis_names_the_application_that_cannot_be_covered()
    {
        var (round, forbidden, _, applications) = await ScenarioAsync(reviewsPerApplication: 2, minLoad: 0, maxLoad: 5);
        await AssignAsync(round);
        var before = await AssignmentsAsync(round);
        await DbAsync(async db =>
        {
            (await db.ReviewRounds.SingleAsync(r => r.Id == round)).ReviewsPerApplication = 4;
            return await db.SaveChangesAsync();
        });

        var outcome = await AssignAsync(round);

        // Each application with a conflict has only three reviewers left for its four reviews.
        Assert.Equal(0, outcome.Assigned);
        Assert.StartsWith("No assignment meets every requirement: ", outcome.Refusal, StringComparison.Ordinal);
        Assert.Contains(forbidden, pair => outcome.Refusal!.Contains($"#{pair.Item1} ", StringComparison.Ordinal));
        Assert.DoesNotContain($"#{applications[4]} ", outcome.Refusal, StringComparison.Ordinal);
        Assert.Equal(before.Select(a => a.Id), (await AssignmentsAsync(round)).Select(a => a.Id));
    }

    [Fact]
    public async Task A_stage_3_round_reviews_the_streams_submitted_applications_and_prefers_reviewers_interested_in_the_stream()
    {
        var interested = await PersonAsync(Email("interested", "example.com"));
        var indifferent = await PersonAsync(Email("indifferent", "example.com"));
        var applicants = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            applicants.Add(await PersonAsync(Email($"a{i}", "example.org")));
        }

        var (stream, submitted, rubric) = await DbAsync(async db =>
        {
            var streams = await db.Streams.OrderBy(s => s.Id).Take(2).ToListAsync();
            await ReviewPool.ReviewerAsync(db, interested, interests: streams[0].Slug, maxLoad: 5);
            await ReviewPool.ReviewerAsync(db, indifferent, interests: streams[1].Slug, maxLoad: 5);
            var applications = new[] { (streams[0], ApplicationState.Submitted), (streams[0], ApplicationState.Draft), (streams[0], ApplicationState.Withdrawn), (streams[1], ApplicationState.Submitted) }
                .Select((p, i) => new StreamApplication { StreamId = p.Item1.Id, ApplicantId = applicants[i], State = p.Item2 }).ToList();
            db.StreamApplications.AddRange(applications);
            await db.SaveChangesAsync();
            return (streams[0].Id, applications[0].Id, await ReviewPool.RubricAsync(db));
        });
        var create = (Func<ReviewRoundRequest, Task<CreateRoundOutcome>>)(request =>
            Core.RunAsync<CreateReviewRound, CreateRoundOutcome>(c => c.RunAsync(Admin, request)));

        var refused = await create(new ReviewRoundRequest(" ", StageKind.Streams, null, int.MaxValue, 0, null));
        var created = await create(new ReviewRoundRequest("Stream reading", StageKind.Streams, stream, rubric, 1, null));
        var outcome = await AssignAsync(created.Round!.Id);

        Assert.Null(refused.Round);
        Assert.Equal(4, refused.Problems.Count);
        Assert.Null(outcome.Refusal);
        var only = Assert.Single(await AssignmentsAsync(created.Round.Id));
        Assert.Equal((submitted, interested, Affinity.PerStream / (double)Affinity.Max), (only.SubjectId, only.ReviewerId, only.Affinity));
    }

    [Fact]
    public async Task Declining_hands_the_application_to_the_best_reviewer_without_conflict_and_below_their_maximum_load()
    {
        var declines = await PersonAsync(Email("declines", "example.com"));
        var conflicted = await PersonAsync(Email("conflicted", "example.com"));
        var full = await PersonAsync(Email("full", "example.com"));
        var eligible = await PersonAsync(Email("eligible", "example.com"));
        var applicant = await PersonAsync(Email("applicant", "example.org"));
        var other = await PersonAsync(Email("other", "example.org"));
        var (round, subject, otherSubject) = await DbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, declines);
            await ReviewPool.ReviewerAsync(db, conflicted, "Acme", expertise: "oversight");
            await ReviewPool.ReviewerAsync(db, full, expertise: "oversight", maxLoad: 1);
            await ReviewPool.ReviewerAsync(db, eligible);
            var subject = await ReviewPool.ApplicationAsync(db, applicant, "ACME", "scalable oversight");
            return (await ReviewPool.RoundAsync(db, 1), subject, await ReviewPool.ApplicationAsync(db, other));
        });
        foreach (var (s, r) in new[] { (subject, declines), (otherSubject, full) })
        {
            Assert.Null(await Core.RunAsync<AssignReviewersByHand, string?>(h => h.AddAsync(Admin, round, s, r)));
        }

        Assert.Null(await Core.RunAsync<ChangeReviewRoundState, string?>(c => c.RunAsync(Admin, round, ReviewRoundState.Open)));
        var declined = (await AssignmentsAsync(round)).Single(a => a.ReviewerId == declines);
        var decline = (Func<string, int, Task<DeclineOutcome>>)((who, id) =>
            Core.RunAsync<DeclineAssignment, DeclineOutcome>(d => d.RunAsync(new Actor(who, who), id, "Too close to my own work")));

        Assert.Equal("There is no such assignment of yours.", (await decline(eligible, declined.Id)).Refusal);
        var first = await decline(declines, declined.Id);

        var saved = await AssignmentsAsync(round);
        Assert.True(first.Declined);
        Assert.Equal((AssignmentState.Declined, "Too close to my own work"), saved.Where(a => a.Id == declined.Id).Select(a => (a.State, a.DeclineReason)).Single());
        var replacement = saved.Single(a => a.Origin == AssignmentOrigin.Replacement);
        Assert.Equal((subject, eligible, AssignmentState.Assigned), (replacement.SubjectId, replacement.ReviewerId, replacement.State));

        var second = await decline(eligible, replacement.Id);

        Assert.True(second.Declined);
        Assert.Null(second.ReplacementLabel);
        Assert.Equal(0, (await AssignmentsAsync(round)).Count(a => a.SubjectId == subject && a.State == AssignmentState.Assigned));
        Assert.Equal(2, await DbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "review-assignment.declined" && e.Subject == $"review-round:{round}")));
    }
}

public sealed class ReviewAssignmentOnSqlite(SqliteKeywordCore core) : ReviewAssignmentTests(core), IClassFixture<SqliteKeywordCore>;

public sealed class ReviewAssignmentOnPostgres(PostgresKeywordCore core) : ReviewAssignmentTests(core), IClassFixture<PostgresKeywordCore>;
