namespace Cohort.Core.Analytics.Funnel;

/// <summary>
/// How a person stands at the furthest step they reached, unless it is the last one (an accepted offer), which ends the
/// funnel for good.
/// </summary>
public enum Ending
{
    /// <summary>Awaiting a decision, waitlisted, holding an offer, or not yet at the next step.</summary>
    Waiting,

    /// <summary>They withdrew, or declined or let lapse the offers they had.</summary>
    Withdrew,

    Rejected,
}

/// <summary>One person's way through the funnel: which steps they reached, and how it stands at the furthest of them.</summary>
public sealed record FunnelPath(IReadOnlyList<bool> Reached, Ending Ending);

/// <summary>
/// One step of a funnel: how many reached it, and how those split by where they are now. Everyone who reached a step
/// either went further (reached a later step) or stopped there, waiting, withdrawn or rejected, so the four parts add
/// up to <see cref="Reached"/>.
/// </summary>
public sealed record FunnelStep(string Name, int Reached, int WentOn, int Waiting, int Withdrew, int Rejected)
{
    /// <summary>
    /// Counts each step over <paramref name="paths"/>: a person counts as reached at every step they reached, and as
    /// stopping at the furthest one with their ending there. Steps need not nest (a stream may offer a place without an
    /// interview), so a step's count is its own, and the step before it does not bound it.
    /// </summary>
    public static IReadOnlyList<FunnelStep> Tally(IReadOnlyList<string> names, IEnumerable<FunnelPath> paths)
    {
        var reached = new int[names.Count];
        var stopped = new int[names.Count, 3];
        foreach (var path in paths)
        {
            var furthest = -1;
            for (var step = 0; step < names.Count; step++)
            {
                if (path.Reached[step])
                {
                    reached[step]++;
                    furthest = step;
                }
            }

            // The last step has nowhere further to go: reaching it is going on (an accepted offer makes a fellow).
            if (furthest >= 0 && furthest < names.Count - 1)
            {
                stopped[furthest, (int)path.Ending]++;
            }
        }

        return names.Select((name, step) =>
        {
            var (waiting, withdrew, rejected) = (stopped[step, 0], stopped[step, 1], stopped[step, 2]);
            return new FunnelStep(name, reached[step], reached[step] - waiting - withdrew - rejected, waiting, withdrew, rejected);
        }).ToList();
    }
}
