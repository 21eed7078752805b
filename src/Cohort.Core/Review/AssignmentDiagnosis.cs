using Cohort.Matching.Assignment;
using Cohort.Matching.Diagnosis;

namespace Cohort.Core.Review;

/// <summary>A reviewer who cannot take an application, and why: a conflict rule, a decline, or a full load.</summary>
public sealed record Unavailable(string Reviewer, string Reason);

/// <summary>
/// An application short of reviews: it needs <see cref="Needs"/>, has <see cref="Has"/>, could still get one from each
/// of <see cref="Eligible"/>, and every other reviewer of the pool is in <see cref="Others"/> with the reason.
/// </summary>
public sealed record Shortfall(int SubjectId, string Application, int Needs, int Has, IReadOnlyList<string> Eligible, IReadOnlyList<Unavailable> Others);

/// <summary>A reviewer whose maximum load the diagnosis counts: they have <see cref="Load"/> of at most <see cref="MaxLoad"/> in this round.</summary>
public sealed record LoadLimit(string Reviewer, int Load, int MaxLoad);

/// <summary>
/// Why applications are short of reviews, named for the admin. On a refusal: the applications of the engine's witness
/// (a group whose reviews cannot all be given), the reviewers whose loads the witness counts, and how many of the
/// <see cref="Missing"/> reviews "assign what can be assigned" would give (<see cref="CanAssign"/>). After assigning
/// what could be assigned: the applications left short; each reviewer not reviewing one then conflicts with it, declined
/// it, or is at their maximum load (a maximum assignment leaves no other reason).
/// </summary>
public sealed record AssignmentDiagnosis(IReadOnlyList<Shortfall> Short, IReadOnlyList<LoadLimit> Limits, int CanAssign, int Missing);

/// <summary>
/// The assignments a solve builds on (those made by hand or as replacements, and the solver's own when they are kept),
/// the problem they leave for the engine, and the named reasons an application is short under them.
/// </summary>
internal sealed class AssignmentBasis
{
    private readonly ReviewRoundFacts _facts;
    private readonly PairAffinities _affinities;
    private readonly Dictionary<int, int> _coverage;
    private readonly Dictionary<string, int> _loads;
    private readonly Dictionary<(int Subject, string Reviewer), AssignmentState> _taken;
    private readonly ILookup<string, int> _keptSubjects;

    public AssignmentBasis(ReviewRoundFacts facts, PairAffinities affinities, bool keepSolversAssignments)
    {
        (_facts, _affinities) = (facts, affinities);
        var kept = facts.Round.Assignments.Where(a => keepSolversAssignments || a.Origin != AssignmentOrigin.Solver).ToList();
        var active = kept.Where(a => a.State != AssignmentState.Declined).ToList();
        _coverage = active.GroupBy(a => a.SubjectId).ToDictionary(g => g.Key, g => g.Count());
        _loads = active.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        _keptSubjects = active.ToLookup(a => a.ReviewerId, a => a.SubjectId);
        _taken = kept.GroupBy(a => (a.SubjectId, a.ReviewerId)).ToDictionary(g => g.Key, g => g.Any(a => a.State != AssignmentState.Declined)
            ? AssignmentState.Assigned : AssignmentState.Declined);
    }

    /// <summary>Reviews still missing over the whole round.</summary>
    public int Missing => _facts.Subjects.Sum(s => NeedOf(s));

    /// <summary>Each application needs its readers: the anchor's number, or the round's reviews per application.</summary>
    private int NeedOf(ReviewSubject subject) => Math.Max(0, _facts.Round.ReadersOf(subject.Id) - _coverage.GetValueOrDefault(subject.Id));

    /// <summary>For each reviewer of the pool, the topics of the applications the basis already gives them.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> KeptTopics(SubjectTopicMap topics) =>
        _facts.Reviewers.Select(r => (IReadOnlyList<string?>)_keptSubjects[r.Profile.UserId].Select(topics.Of).ToList()).ToList();

    private int LoadOf(PoolReviewer reviewer) => _loads.GetValueOrDefault(reviewer.Profile.UserId);

    /// <summary>
    /// Subjects need the reviews the basis does not already give; reviewers take what their load leaves of their range.
    /// Conflicts and pairs already in the basis (assigned or declined) are forbidden.
    /// </summary>
    public AssignmentProblem Problem()
    {
        var left = _facts.Subjects.Select(s => new Bounds(NeedOf(s), NeedOf(s))).ToList();
        var right = _facts.Reviewers.Select(r => new Bounds(Math.Max(0, r.Profile.MinLoad - LoadOf(r)), Math.Max(0, r.Profile.MaxLoad - LoadOf(r)))).ToList();
        var pairs = new List<ScoredPair>();
        var forbidden = new List<(int, int)>();
        for (int s = 0; s < _facts.Subjects.Count; s++)
        {
            for (int r = 0; r < _facts.Reviewers.Count; r++)
            {
                var (subject, reviewer) = (_facts.Subjects[s], _facts.Reviewers[r]);
                pairs.Add(new ScoredPair(s, r, _affinities.Of(reviewer, subject)));
                if (ReviewRoundFacts.Conflict(reviewer, subject) is not null || _taken.ContainsKey((subject.Id, reviewer.Profile.UserId)))
                {
                    forbidden.Add((s, r));
                }
            }
        }

        return new AssignmentProblem(left, right, pairs, forbidden);
    }

    /// <summary>Counts a pair the solver chose, so the reasons read the state after assigning.</summary>
    public void Add(ReviewSubject subject, PoolReviewer reviewer)
    {
        _coverage[subject.Id] = _coverage.GetValueOrDefault(subject.Id) + 1;
        _loads[reviewer.Profile.UserId] = LoadOf(reviewer) + 1;
        _taken[(subject.Id, reviewer.Profile.UserId)] = AssignmentState.Assigned;
    }

    /// <summary>The engine's witness named: its applications with every reviewer's reason, and the loads it counts.</summary>
    /// <param name="why">The engine's reason.</param>
    /// <param name="canAssign">How many reviews assigning what can be assigned would give.</param>
    /// <param name="missing">How many reviews that fallback counts as missing (it keeps the solver's earlier assignments).</param>
    public AssignmentDiagnosis Witness(Infeasibility why, int canAssign, int missing)
    {
        if (why.Kind != InfeasibilityKind.LeftMinimumsExceedCapacity)
        {
            // Reviewers' minimum loads cannot be met: the sentence names them; no application is short for it.
            return new([], [], canAssign, missing);
        }

        var limits = why.Supplying.Select(i => _facts.Reviewers[i]).Select(r => new LoadLimit(r.Label, LoadOf(r), r.Profile.MaxLoad)).ToList();
        return new(why.Demanding.Select(i => ShortfallOf(_facts.Subjects[i])).ToList(), limits, canAssign, missing);
    }

    /// <summary>Every application still short of reviews, with its reasons.</summary>
    public AssignmentDiagnosis Remaining(int assigned) =>
        new(_facts.Subjects.Where(s => NeedOf(s) > 0).Select(ShortfallOf).ToList(), [], assigned, Missing);

    private Shortfall ShortfallOf(ReviewSubject subject)
    {
        var eligible = new List<string>();
        var others = new List<Unavailable>();
        foreach (var reviewer in _facts.Reviewers)
        {
            bool declined = false;
            if (_taken.TryGetValue((subject.Id, reviewer.Profile.UserId), out var state))
            {
                if (state == AssignmentState.Assigned)
                {
                    continue;
                }

                declined = true;
            }

            if (ReasonAgainst(reviewer, subject, declined) is { } reason)
            {
                others.Add(new Unavailable(reviewer.Label, reason));
            }
            else
            {
                eligible.Add(reviewer.Label);
            }
        }

        return new Shortfall(subject.Id, subject.Label, _facts.Round.ReadersOf(subject.Id), _coverage.GetValueOrDefault(subject.Id), eligible, others);
    }

    private string? ReasonAgainst(PoolReviewer reviewer, ReviewSubject subject, bool declined) =>
        ReviewRoundFacts.Conflict(reviewer, subject) is { } conflict ? $"conflict: {conflict}"
        : declined ? "declined it"
        : LoadOf(reviewer) >= reviewer.Profile.MaxLoad ? $"at maximum load ({LoadOf(reviewer)} of {reviewer.Profile.MaxLoad})"
        : null;
}
