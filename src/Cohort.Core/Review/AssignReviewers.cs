using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Telemetry;
using Cohort.Matching.Assignment;
using Cohort.Matching.Diagnosis;
using Cohort.Matching.Text;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// What assigning did: how many assignments the solver made, or why it made none. <see cref="Diagnosis"/> names the
/// applications short of reviews and why: on a refusal, the ones that cannot all be covered; after assigning what can
/// be assigned, the ones left short.
/// </summary>
public sealed record AssignOutcome(int Assigned, string? Refusal, AssignmentDiagnosis? Diagnosis = null, AssignmentCostReport? Cost = null);

/// <summary>
/// Assigns reviewers to a draft round with <c>Cohort.Matching</c>'s optimal assignment: every subject gets exactly the
/// round's reviews per application, every reviewer a load within their range, no conflicted pair, and the greatest
/// total affinity. Assignments made by hand (or as replacements) stay and count against loads and coverage; the
/// solver's earlier assignments are replaced. When no assignment exists nothing is saved, and the engine's diagnosis
/// names the applications that cannot be covered, each reviewer's reason, and the loads that run out. Anchors get their
/// readers instead of the round's reviews per application. With the round's bridging share on and two or more topics,
/// the solve is <see cref="BridgedAssignment"/>'s: the plain optimum, then each reviewer's share outside their main
/// topic at the least cost in affinity; the cost is kept on the round (<see cref="ReviewRound.LastCost"/>) and audited.
/// <para>
/// <see cref="AssignWhatCanBeAssignedAsync"/> is the admin's explicit fallback: it keeps every assignment (the solver's
/// too, so running it again only fills gaps) and adds the most reviews that can still be given within conflicts and
/// maximum loads, of the greatest affinity among those; minimum loads are set aside. It names the applications left short.
/// </para>
/// </summary>
public sealed class AssignReviewers(CohortDbContext db, TimeProvider clock, AuditLog audit, MeasureAffinities measure)
{
    /// <summary>Assigns every review or nothing.</summary>
    public Task<AssignOutcome> RunAsync(Actor admin, int roundId, CancellationToken cancellation = default) =>
        RunAsync(admin, roundId, partly: false, cancellation);

    /// <summary>Assigns what can be assigned, keeping every assignment already made, and lists the applications left short.</summary>
    public Task<AssignOutcome> AssignWhatCanBeAssignedAsync(Actor admin, int roundId, CancellationToken cancellation = default) =>
        RunAsync(admin, roundId, partly: true, cancellation);

    private async Task<AssignOutcome> RunAsync(Actor admin, int roundId, bool partly, CancellationToken cancellation)
    {
        using var span = CohortTraces.Start(nameof(AssignReviewers));
        var round = await db.ReviewRounds.Include(r => r.Assignments).Include(r => r.Anchors).SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        if (round is null)
        {
            return new(0, "There is no such round.");
        }

        if (round.State != ReviewRoundState.Draft)
        {
            return new(0, "Reviewers are assigned while the round is a draft; this round is already open or closed.");
        }

        var facts = await ReviewRoundFacts.LoadAsync(db, round, null, cancellation);
        if (facts.Subjects.Count == 0 || facts.Reviewers.Count == 0)
        {
            return new(0, facts.Subjects.Count == 0 ? "This round has no applications to review yet." : "The reviewer pool is empty: add reviewers first.");
        }

        var affinities = await measure.OfAsync(facts, cancellation);
        if (affinities.UnitsWaiting > 0)
        {
            // An assignment made now would ignore what the statements say and be kept for the whole round.
            return new(0, $"{affinities.UnitsWaiting} sentences of this round's research statements and reviewers' expertise are not embedded yet. " +
                $"The background job embeds up to {EmbedSeasonTexts.MostPerRun} a minute: assign again in about {Math.Ceiling(affinities.UnitsWaiting / (double)EmbedSeasonTexts.MostPerRun)} minute(s).");
        }

        var basis = new AssignmentBasis(facts, affinities, keepSolversAssignments: partly);
        var problem = basis.Problem();
        var topics = round.BridgingSharePercent > 0 ? await SubjectTopics.OfRoundAsync(db, facts, cancellation) : SubjectTopicMap.Empty;
        var solve = BridgedAssignment.Solve(problem, facts.Subjects.Select(s => topics.Of(s.Id)).ToList(), basis.KeptTopics(topics), round.BridgingSharePercent, partly);
        var result = solve.Result;
        if (result.Infeasibility is { } why && !partly)
        {
            // What the admin's fallback would do: it keeps the solver's earlier assignments, which this solve replaces.
            var kept = new AssignmentBasis(facts, affinities, keepSolversAssignments: true);
            var fallback = AssignmentSolver.SolveMaximal(kept.Problem());
            return new(0, "No assignment meets every requirement: " + why.Describe(Vocabulary.Reviewers,
                    facts.Subjects.Select(s => s.Label).ToList(), facts.Reviewers.Select(r => r.Label).ToList()) + ".",
                basis.Witness(why, fallback.ChosenPairs.Count, kept.Missing));
        }

        int before = round.Assignments.Count;
        var earlier = partly ? [] : round.Assignments.Where(a => a.Origin == AssignmentOrigin.Solver).ToList();
        foreach (var assignment in earlier)
        {
            round.Assignments.Remove(assignment);
            db.ReviewAssignments.Remove(assignment);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var pair in result.ChosenPairs.Select(i => problem.Pairs[i]))
        {
            var (subject, reviewer) = (facts.Subjects[pair.Left], facts.Reviewers[pair.Right]);
            basis.Add(subject, reviewer);
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                RoundId = round.Id, SubjectId = subject.Id, ReviewerId = reviewer.Profile.UserId,
                Origin = AssignmentOrigin.Solver, State = AssignmentState.Assigned, Affinity = (double)pair.Score, AssignedAt = now,
            });
        }

        var remaining = partly ? basis.Remaining(result.ChosenPairs.Count) : null;
        round.LastCost = CostReport(solve.Cost, facts, round.Anchors.Count, now);
        audit.Record(admin, "review-round.assigned", $"review-round:{round.Id}", (remaining is not null
            ? $"{result.ChosenPairs.Count} assignments by the solver, assigning what could be assigned (keeping the {before} made before), " +
              $"total affinity {result.Objective}; {English.Count(remaining.Short.Count, "application", "applications")} left short{ShortList(remaining)}"
            : $"{result.ChosenPairs.Count} assignments by the solver (replacing {earlier.Count}), total affinity {result.Objective}") + "; " + Describe(round.LastCost));
        return await ReviewRoundFacts.SaveAsync(db, round, cancellation)
            ? new(result.ChosenPairs.Count, null, remaining, round.LastCost)
            : new(0, ReviewRoundFacts.SimultaneousChange);
    }

    private static AssignmentCostReport CostReport(BridgingCost cost, ReviewRoundFacts facts, int anchors, DateTime now) => new()
    {
        At = now, BridgingApplied = cost.Applies, SharePercent = cost.SharePercent, Topics = cost.Topics, Anchors = anchors,
        AffinityWithout = (double)cost.AffinityWithout, AffinityWith = (double)cost.AffinityWith, ShareReached = cost.ShareReached,
        ShortOfShare = string.Join('\n', cost.Short.Select(s => ShortOfShare(s, facts.Reviewers[s.Reviewer].Label))),
    };

    /// <summary>One reviewer below their share, and why: too few out-of-topic applications open to them, or their reviews were needed elsewhere.</summary>
    private static string ShortOfShare(QuotaShortfall s, string reviewer) =>
        $"{reviewer}: {s.Reached} of {s.Needed} reviews outside {s.MainTopic} (load {s.Load}); " + (s.Eligible < s.Needed
            ? $"only {English.Count(s.Eligible, "application", "applications")} outside it {(s.Eligible == 1 ? "is" : "are")} open to them, the others conflict or are already theirs"
            : $"{s.Eligible} outside it are open to them, but their reviews went to reviewers who needed them for coverage or their own share");

    /// <summary>A fraction as a percentage with one decimal, "37.5%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>The cost in words, for the audit entry and the page.</summary>
    public static string Describe(AssignmentCostReport cost)
    {
        string anchors = cost.Anchors == 0 ? "" : $"{English.Count(cost.Anchors, "anchor application", "anchor applications")} read by more reviewers; ";
        if (!cost.BridgingApplied)
        {
            return anchors + (cost.SharePercent == 0 ? "bridging is off"
                : $"bridging does not apply: the applications have {(cost.Topics == 0 ? "no topics" : "one topic")}");
        }

        int shortCount = cost.ShortOfShare.Length == 0 ? 0 : cost.ShortOfShare.Split('\n').Length;
        return anchors + $"bridging share {cost.SharePercent}% over {cost.Topics} topics: total affinity {cost.AffinityWithout:0.##} without it, " +
            $"{cost.AffinityWith:0.##} with it (cost {cost.Cost:0.##}); share reached {(cost.ShareReached is { } reached ? Percent(reached) : "none")}; " +
            $"{English.Count(shortCount, "reviewer", "reviewers")} short of their share";
    }

    private static string ShortList(AssignmentDiagnosis remaining) =>
        remaining.Short.Count == 0 ? "" : ": " + English.ShortList(remaining.Short.Select(s => $"#{s.SubjectId}").ToList());
}
