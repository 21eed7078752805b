using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Pipeline;

/// <summary>An admin's decision on applications that are waiting for one.</summary>
public enum Decision
{
    Advance,
    Waitlist,
    Reject,
}

/// <param name="Decided">Applications whose state changed.</param>
/// <param name="Skipped">Ids that were not decided: unknown, still drafts, withdrawn, or already in the target state.</param>
/// <param name="Refusal">Why nothing at all was saved, or null.</param>
/// <param name="LostRace">The refusal is that another change got there first (so the same request may succeed later), not the request itself.</param>
public sealed record DecisionOutcome(int Decided, int Skipped, string? Refusal, bool LostRace = false);

/// <summary>
/// Advances, waitlists or rejects a selection of one stage's rows in one save, with one audit entry per row
/// naming the state it left and the state it entered. Only rows that are submitted (awaiting a decision) or
/// waitlisted can be decided: a draft is not finished, a withdrawal is the applicant's own choice, and ids that are
/// neither are counted, not trusted, so a tampered form changes nothing it should not. Advancing a general
/// application enters the applicant at the assessment stage (a <see cref="StageEntry"/> awaiting its decision);
/// advancing that entry opens the stream applications. The assessment stage's rows are keyed, like its review
/// rounds, by the general application.
/// </summary>
public sealed class DecideApplications(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxSelection = 5000;

    /// <summary>A row that may be decided: what the audit calls it, its state, and how to move it.</summary>
    private sealed record Decidable(string Subject, ApplicationState From, Action<ApplicationState> MoveTo);

    public async Task<DecisionOutcome> RunAsync(Actor actor, StageKind stage, IReadOnlyCollection<int> ids, Decision decision, CancellationToken cancellation = default)
    {
        var selected = ids.Distinct().ToList();
        if (selected.Count == 0)
        {
            return new(0, 0, "Select at least one application.");
        }

        if (selected.Count > MaxSelection)
        {
            return new(0, selected.Count, $"Select at most {MaxSelection} applications at a time.");
        }

        var target = TargetState(decision);
        var decided = (await CandidatesAsync(stage, selected, cancellation)).Where(c => c.From != target).ToList();
        foreach (var row in decided)
        {
            audit.Record(actor, $"{AuditPrefix(stage)}.{target.ToString().ToLowerInvariant()}", row.Subject, $"{row.From} → {target}");
            row.MoveTo(target);
        }

        return await db.TrySaveAsync(cancellation)
            ? new(decided.Count, selected.Count - decided.Count, null)
            : new(0, selected.Count, "Some of these applications changed while you were deciding, so nothing was saved. Reload the list and decide again.", LostRace: true);
    }

    /// <summary>How many of <paramref name="ids"/> the decision would change, without changing them: what a confirmation says.</summary>
    public async Task<int> PreviewAsync(StageKind stage, IReadOnlyCollection<int> ids, Decision decision, CancellationToken cancellation = default)
    {
        var selected = ids.Distinct().Take(MaxSelection + 1).ToList();
        if (selected.Count is 0 or > MaxSelection)
        {
            return 0;
        }

        var target = TargetState(decision);
        var count = (await CandidatesAsync(stage, selected, cancellation)).Count(c => c.From != target);
        db.ChangeTracker.Clear();
        return count;
    }

    /// <summary>The selected rows that are waiting for a decision (submitted or waitlisted), loaded for a change.</summary>
    private async Task<IEnumerable<Decidable>> CandidatesAsync(StageKind stage, List<int> selected, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var awaiting = new[] { ApplicationState.Submitted, ApplicationState.Waitlisted };
        return stage switch
        {
            StageKind.General => await GeneralAsync(selected, awaiting, now, cancellation),
            StageKind.Assessment => (await db.Applications.Where(a => selected.Contains(a.Id))
                    .SelectMany(a => AssessmentEntries.All(db).Where(e => e.ApplicantId == a.ApplicantId && e.Stage!.Track!.SeasonId == a.Form!.SeasonId),
                        (a, e) => new { a.Id, Entry = e })
                    .ToListAsync(cancellation))
                .GroupBy(r => r.Id, r => r.Entry)
                .Where(g => awaiting.Contains(g.First().State))
                .Select(g => new Decidable($"application:{g.Key}", g.First().State, state =>
                {
                    foreach (var entry in g)
                    {
                        (entry.State, entry.UpdatedAt) = (state, now);
                    }
                })),
            StageKind.Streams => (await db.StreamApplications.Where(a => selected.Contains(a.Id) && awaiting.Contains(a.State)).ToListAsync(cancellation))
                .Select(a => new Decidable($"stream-application:{a.Id}", a.State, state =>
                {
                    a.State = state;
                    a.UpdatedAt = now;
                })),
            StageKind.Extension => await ExtensionAsync(selected, awaiting, now, cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        };
    }

    /// <summary>
    /// Extension applications move themselves, and an accepted one extends its fellowship to its round's end date.
    /// Capacity (seats and budget) is the caller's to check: <see cref="Extensions.DecideExtensions"/>.
    /// </summary>
    private async Task<IEnumerable<Decidable>> ExtensionAsync(List<int> selected, ApplicationState[] awaiting, DateTime now, CancellationToken cancellation) =>
        (await db.ExtensionApplications.Where(a => selected.Contains(a.Id) && awaiting.Contains(a.State))
            .Join(db.Fellowships, a => a.FellowshipId, f => f.Id, (a, f) => new { Application = a, Fellowship = f })
            .Join(db.ExtensionRounds, x => x.Application.RoundId, r => r.Id, (x, r) => new { x.Application, x.Fellowship, r.ExtendsUntil })
            .ToListAsync(cancellation))
        .Select(x => new Decidable($"extension-application:{x.Application.Id}", x.Application.State, state =>
        {
            x.Application.State = state;
            x.Application.UpdatedAt = now;
            if (state == ApplicationState.Advanced)
            {
                x.Fellowship.EndsOn = x.ExtendsUntil;
            }
        }));

    /// <summary>General applications move themselves, and an advanced one enters its applicant at the assessment stage.</summary>
    private async Task<IEnumerable<Decidable>> GeneralAsync(List<int> selected, ApplicationState[] awaiting, DateTime now, CancellationToken cancellation)
    {
        var applications = await db.Applications.Where(a => selected.Contains(a.Id) && awaiting.Contains(a.State)).Include(a => a.Form).ToListAsync(cancellation);
        var seasons = applications.Select(a => a.Form!.SeasonId).Distinct().ToList();
        var stages = (await db.Stages.Where(s => s.Kind == StageKind.Assessment && seasons.Contains(s.Track!.SeasonId))
            .Select(s => new { s.Id, s.Track!.SeasonId }).ToListAsync(cancellation)).ToLookup(s => s.SeasonId, s => s.Id);
        var applicants = applications.Select(a => a.ApplicantId).Distinct().ToList();
        var stageIds = stages.SelectMany(s => s).ToList();
        var entries = (await db.StageEntries.Where(e => applicants.Contains(e.ApplicantId) && stageIds.Contains(e.StageId)).ToListAsync(cancellation))
            .ToLookup(e => e.ApplicantId);
        return applications.Select(a => new Decidable($"application:{a.Id}", a.State, state =>
        {
            a.State = state;
            a.UpdatedAt = now;
            var mine = entries[a.ApplicantId].Where(e => stages[a.Form!.SeasonId].Contains(e.StageId)).ToList();
            if (state == ApplicationState.Advanced)
            {
                AssessmentEntries.Place(db, mine, stages[a.Form!.SeasonId], a.ApplicantId, ApplicationState.Submitted, now);
            }
            else
            {
                db.StageEntries.RemoveRange(mine);
            }
        }));
    }

    /// <summary>The audit action's prefix: stage 1 keeps "application", so earlier entries read the same.</summary>
    private static string AuditPrefix(StageKind stage) => stage switch
    {
        StageKind.General => "application",
        StageKind.Assessment => "assessments",
        StageKind.Extension => "extension-application",
        _ => "stream-application",
    };

    public static ApplicationState TargetState(Decision decision) => decision switch
    {
        Decision.Advance => ApplicationState.Advanced,
        Decision.Waitlist => ApplicationState.Waitlisted,
        Decision.Reject => ApplicationState.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
