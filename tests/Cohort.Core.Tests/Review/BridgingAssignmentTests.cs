using Cohort.Core.Applications;
using Cohort.Core.Preferences;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// Assignment designed for calibration: topics from each source, the bridging share reached at its cost in affinity,
/// and anchors read by many reviewers.
/// </summary>
public abstract class BridgingAssignmentTests(CoreServicesFixture core) : ReviewPoolTests(core)
{
    private Task<string> PersonAsync(string who) => DbAsync(db => ReviewPool.PersonAsync(db, $"{who}-{Guid.NewGuid():N}@review.example"));

    private Task<T> DesignAsync<T>(Func<DesignReviewRound, Task<T>> work) => Core.RunAsync(work);

    /// <summary>A submitted general application that answers the research-area question with <paramref name="areas"/> (one a line).</summary>
    private async Task<int> ApplicationAsync(string motivation, string? areas = null) => await DbAsync(async db =>
    {
        int id = await ReviewPool.ApplicationAsync(db, await ReviewPool.PersonAsync(db, $"a-{Guid.NewGuid():N}@example.org"), motivation: motivation);
        if (areas is not null)
        {
            var question = await db.Set<Question>().SingleAsync(q => q.DefinesTopic);
            db.Set<Answer>().Add(new Answer { ApplicationId = id, QuestionId = question.Id, Value = areas });
            await db.SaveChangesAsync();
        }

        return id;
    });

    /// <summary>
    /// Two topics, four applications each, two reviews each; two reviewers expert in each topic, each taking exactly 4.
    /// The plain optimum nests them fully (every reviewer reads only their topic, one tag of 10 points each, keyword points only in these tests' fixture: affinity 0.1 a pair, 1.6 in all).
    /// </summary>
    private async Task<(int Round, int[] Interpretability, int[] Control, string[] Reviewers)> TwoTopicsAsync(int? share = null)
    {
        var reviewers = new[] { await PersonAsync("i1"), await PersonAsync("i2"), await PersonAsync("c1"), await PersonAsync("c2") };
        var interpretability = new int[4];
        var control = new int[4];
        for (int i = 0; i < 4; i++)
        {
            interpretability[i] = await ApplicationAsync("I want to do interpretability.", "Interpretability");
            control[i] = await ApplicationAsync("I want to work on control.", "Security\nAI control");
        }

        int round = await DbAsync(async db =>
        {
            for (int r = 0; r < reviewers.Length; r++)
            {
                await ReviewPool.ReviewerAsync(db, reviewers[r], expertise: r < 2 ? "interpretability" : "control", minLoad: 4, maxLoad: 4);
            }

            return await ReviewPool.RoundAsync(db, 2);
        });
        if (share is { } percent)
        {
            Assert.Null(await DesignAsync(d => d.SetBridgingShareAsync(Admin, round, percent)));
        }

        return (round, interpretability, control, reviewers);
    }

    private Task<ReviewRound> RoundAsync(int id) => DbAsync(db => db.ReviewRounds.AsNoTracking().Include(r => r.Anchors).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task Topics_come_from_the_first_chosen_research_area_in_the_questions_own_order()
    {
        var (round, interpretability, control, _) = await TwoTopicsAsync();

        var topics = await DbAsync(async db => await SubjectTopics.OfRoundAsync(db, await FactsAsync(db, round)));
        var byIds = await DbAsync(async db => await SubjectTopics.OfApplicationsAsync(db, (await db.ReviewRounds.SingleAsync(r => r.Id == round)).SeasonId,
            Cohort.Core.Catalogue.StageKind.General, [.. interpretability, .. control]));

        Assert.Equal(TopicSource.ResearchArea, topics.Source);
        Assert.All(interpretability, id => Assert.Equal("Interpretability", topics.Of(id)));
        // "AI control" comes before "Security" among the question's options, whatever order the answer lists them in.
        Assert.All(control, id => Assert.Equal("AI control", topics.Of(id)));
        Assert.Equal(topics.Topics.OrderBy(t => t.Key), byIds.Topics.OrderBy(t => t.Key));
    }

    [Fact]
    public async Task Without_research_areas_topics_come_from_the_stream_ranked_first_and_otherwise_from_the_expertise_most_reviewers_share()
    {
        var ranked = await ApplicationAsync("interpretability and control");
        var unranked = await ApplicationAsync("control only");
        var streams = await DbAsync(db => db.Streams.OrderBy(s => s.Id).Take(2).Select(s => new { s.Id, s.Name }).ToListAsync());
        var streamApplications = await DbAsync(async db =>
        {
            var rankedApplicant = await db.Applications.Where(a => a.Id == ranked).Select(a => a.ApplicantId).SingleAsync();
            var unrankedApplicant = await db.Applications.Where(a => a.Id == unranked).Select(a => a.ApplicantId).SingleAsync();
            var first = new StreamApplication { StreamId = streams[0].Id, ApplicantId = rankedApplicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow.AddDays(-2) };
            var second = new StreamApplication { StreamId = streams[1].Id, ApplicantId = rankedApplicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow.AddDays(-1) };
            var early = new StreamApplication { StreamId = streams[0].Id, ApplicantId = unrankedApplicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow.AddDays(-3) };
            var late = new StreamApplication { StreamId = streams[1].Id, ApplicantId = unrankedApplicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow.AddDays(-4) };
            db.StreamApplications.AddRange(first, second, early, late);
            await db.SaveChangesAsync();
            db.ApplicantStreamPreferences.AddRange(
                new ApplicantStreamPreference { ApplicantId = rankedApplicant, StreamApplicationId = second.Id, Position = 1 },
                new ApplicantStreamPreference { ApplicantId = rankedApplicant, StreamApplicationId = first.Id, Position = 2 });
            await db.SaveChangesAsync();
            return new[] { first, second, early, late }.ToDictionary(a => a.Id, a => a.StreamId == streams[0].Id ? streams[0].Name : streams[1].Name);
        });
        var reviewers = new[] { await PersonAsync("r1"), await PersonAsync("r2"), await PersonAsync("r3") };
        var round = await DbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, reviewers[0], expertise: "interpretability");
            await ReviewPool.ReviewerAsync(db, reviewers[1], expertise: "interpretability, control");
            await ReviewPool.ReviewerAsync(db, reviewers[2], expertise: "control");
            return await ReviewPool.RoundAsync(db, 1);
        });

        var byStream = await DbAsync(async db => await SubjectTopics.OfRoundAsync(db, await FactsAsync(db, round)));
        var stageThree = await DbAsync(async db => await SubjectTopics.OfApplicationsAsync(db, (await db.ReviewRounds.SingleAsync(r => r.Id == round)).SeasonId,
            Cohort.Core.Catalogue.StageKind.Streams, streamApplications.Keys.ToList()));
        await DbAsync(db => db.StreamApplications.Where(a => a.ApplicantId != null && (a.StreamId == streams[0].Id || a.StreamId == streams[1].Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, ApplicationState.Withdrawn)));
        var byCluster = await DbAsync(async db => await SubjectTopics.OfRoundAsync(db, await FactsAsync(db, round)));

        Assert.Equal(TopicSource.Stream, byStream.Source);
        Assert.Equal(streams[1].Name, byStream.Of(ranked));
        Assert.Equal(streams[1].Name, byStream.Of(unranked));
        // At stage 3 each stream application's topic is its own stream.
        Assert.Equal(TopicSource.Stream, stageThree.Source);
        Assert.Equal(streamApplications.OrderBy(a => a.Key), stageThree.Known.OrderBy(a => a.Key));
        Assert.Equal(TopicSource.AffinityCluster, byCluster.Source);
        // Both tags are in the first text; each is listed by two reviewers, so the ordinal first wins.
        Assert.Equal("control", byCluster.Of(ranked));
        Assert.Equal("control", byCluster.Of(unranked));
    }

    [Fact]
    public async Task With_the_default_share_every_reviewer_reads_outside_their_topic_and_the_cost_is_the_difference_of_the_two_solves()
    {
        var (round, interpretability, control, reviewers) = await TwoTopicsAsync(share: 25);

        var outcome = await AssignAsync(round);

        Assert.Null(outcome.Refusal);
        var cost = outcome.Cost!;
        Assert.True(cost.BridgingApplied);
        Assert.Equal((2, 1.6), (cost.Topics, cost.AffinityWithout));
        Assert.True(cost.ShareReached >= 0.25, $"share reached {cost.ShareReached}");
        Assert.Equal("", cost.ShortOfShare);
        var saved = await AssignmentsAsync(round);
        Assert.Equal((decimal)cost.AffinityWith, saved.Sum(a => (decimal)a.Affinity));
        Assert.Equal(cost.AffinityWithout - cost.AffinityWith, cost.Cost);
        Assert.Equal(0.4, cost.Cost, 12);
        foreach (var (reviewer, own) in reviewers.Select((r, i) => (r, i < 2 ? interpretability : control)))
        {
            Assert.Equal(4, saved.Count(a => a.ReviewerId == reviewer));
            Assert.True(saved.Count(a => a.ReviewerId == reviewer && !own.Contains(a.SubjectId)) >= 1);
        }

        Assert.Equivalent(cost, (await RoundAsync(round)).LastCost);
        var audit = await DbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "review-round.assigned" && e.Subject == $"review-round:{round}"));
        Assert.Contains("bridging share 25% over 2 topics: total affinity 1.6 without it, 1.2 with it (cost 0.4)", audit.Details, StringComparison.Ordinal);

        // The plain solve alone gives what the report called the total without bridging.
        Assert.Null(await DesignAsync(d => d.SetBridgingShareAsync(Admin, round, 0)));
        var plain = await AssignAsync(round);
        Assert.Equal((decimal)cost.AffinityWithout, (await AssignmentsAsync(round)).Sum(a => (decimal)a.Affinity));
        Assert.False(plain.Cost!.BridgingApplied);
    }

    [Fact]
    public async Task A_reviewer_with_no_out_of_topic_application_open_to_them_is_named_short_of_their_share()
    {
        var (round, _, control, reviewers) = await TwoTopicsAsync(share: 25);
        await DbAsync(async db =>
        {
            int profile = await db.ReviewerProfiles.Where(p => p.UserId == reviewers[0]).Select(p => p.Id).SingleAsync();
            foreach (var id in control)
            {
                await ReviewPool.DeclareAsync(db, profile, await db.Applications.Where(a => a.Id == id).Select(a => a.ApplicantId).SingleAsync());
            }

            return 0;
        });

        var outcome = await AssignAsync(round);

        var line = Assert.Single(outcome.Cost!.ShortOfShare.Split('\n'));
        Assert.Contains("0 of 1 reviews outside Interpretability (load 4); only 0 applications outside it are open to them", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assigning_what_can_be_assigned_still_bridges()
    {
        var (round, interpretability, control, reviewers) = await TwoTopicsAsync(share: 25);

        var outcome = await Core.RunAsync<AssignReviewers, AssignOutcome>(a => a.AssignWhatCanBeAssignedAsync(Admin, round));

        Assert.Equal(16, outcome.Assigned);
        Assert.True(outcome.Cost!.ShareReached >= 0.25);
    }

    [Fact]
    public async Task With_one_topic_bridging_does_not_apply_and_the_report_says_so()
    {
        var reviewer = await PersonAsync("r");
        await ApplicationAsync("interpretability", "Interpretability");
        await ApplicationAsync("interpretability", "Interpretability");
        int round = await DbAsync(async db =>
        {
            await ReviewPool.ReviewerAsync(db, reviewer, expertise: "interpretability");
            return await ReviewPool.RoundAsync(db, 1);
        });

        var outcome = await AssignAsync(round);

        Assert.False(outcome.Cost!.BridgingApplied);
        Assert.Equal(outcome.Cost.AffinityWithout, outcome.Cost.AffinityWith);
        Assert.Equal("bridging does not apply: the applications have one topic", AssignReviewers.Describe(outcome.Cost));
    }

    [Fact]
    public async Task An_anchor_gets_its_readers_and_the_others_the_rounds_reviews()
    {
        var (round, interpretability, control, _) = await TwoTopicsAsync(share: 0);
        await DbAsync(db => db.ReviewerProfiles.ExecuteUpdateAsync(s => s.SetProperty(p => p.MinLoad, 0).SetProperty(p => p.MaxLoad, 6)));

        Assert.Null(await DesignAsync(d => d.MarkAnchorAsync(Admin, round, control[0], 4)));
        var outcome = await AssignAsync(round);

        Assert.Null(outcome.Refusal);
        var saved = await AssignmentsAsync(round);
        Assert.Equal(4, saved.Count(a => a.SubjectId == control[0]));
        Assert.All(interpretability.Concat(control.Skip(1)), id => Assert.Equal(2, saved.Count(a => a.SubjectId == id)));
        Assert.Equal(1, outcome.Cost!.Anchors);
        Assert.Null(await DesignAsync(d => d.UnmarkAnchorAsync(Admin, round, control[0])));
        Assert.Empty((await RoundAsync(round)).Anchors);
    }

    [Fact]
    public async Task Bad_design_input_is_refused_with_a_clear_message_and_changes_nothing()
    {
        var (round, interpretability, _, _) = await TwoTopicsAsync();
        // An application this round does not review: one past every application there is, so the test needs no other
        // test to have left a withdrawn one behind.
        int stranger = await DbAsync(db => db.Applications.MaxAsync(a => a.Id)) + 1;

        Assert.StartsWith("The bridging share must be a whole percentage from 0 (off) to 50", await DesignAsync(d => d.SetBridgingShareAsync(Admin, round, 51)), StringComparison.Ordinal);
        Assert.StartsWith("The bridging share must be", await DesignAsync(d => d.SetBridgingShareAsync(Admin, round, -1)), StringComparison.Ordinal);
        Assert.Equal($"Application #{stranger} is not reviewed in this round, so it cannot be an anchor.", await DesignAsync(d => d.MarkAnchorAsync(Admin, round, stranger, 3)));
        Assert.Equal("An anchor's readers must be from 1 to 4, the size of the reviewer pool.", await DesignAsync(d => d.MarkAnchorAsync(Admin, round, interpretability[0], 5)));
        Assert.Equal("An anchor's readers must be from 1 to 4, the size of the reviewer pool.", await DesignAsync(d => d.MarkAnchorAsync(Admin, round, interpretability[0], 0)));
        Assert.Equal($"Application #{interpretability[0]} is not an anchor of this round.", await DesignAsync(d => d.UnmarkAnchorAsync(Admin, round, interpretability[0])));
        var unchanged = await RoundAsync(round);
        Assert.Equal((ReviewRound.DefaultBridgingSharePercent, 0), (unchanged.BridgingSharePercent, unchanged.Anchors.Count));

        await AssignAsync(round);
        await Core.RunAsync<ChangeReviewRoundState, string?>(c => c.RunAsync(Admin, round, ReviewRoundState.Open));
        Assert.StartsWith("A round's design is set while it is a draft", await DesignAsync(d => d.SetBridgingShareAsync(Admin, round, 20)), StringComparison.Ordinal);
    }

    private static async Task<ReviewRoundFacts> FactsAsync(Cohort.Core.Data.CohortDbContext db, int round) =>
        await ReviewRoundFacts.LoadAsync(db, await db.ReviewRounds.Include(r => r.Assignments).SingleAsync(r => r.Id == round), null, CancellationToken.None);
}

public sealed class BridgingAssignmentOnSqlite(SqliteKeywordCore core) : BridgingAssignmentTests(core), IClassFixture<SqliteKeywordCore>;

public sealed class BridgingAssignmentOnPostgres(PostgresKeywordCore core) : BridgingAssignmentTests(core), IClassFixture<PostgresKeywordCore>;
