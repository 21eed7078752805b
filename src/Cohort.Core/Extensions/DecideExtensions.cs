using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>A decision mail's template, with the pipeline's merge fields (<see cref="MailTemplate"/>); null sends none.</summary>
public sealed record DecisionMail(string Subject, string Body);

/// <param name="Decided">The applications whose state changed, as "#12 Ada Lovelace".</param>
/// <param name="OverCapacity">Acceptances refused because the round's seats or budget would be exceeded, each with why.</param>
/// <param name="Skipped">Selected ids left as they were: not of this round, not awaiting a decision, or already in that state.</param>
/// <param name="Refusal">Why nothing at all was saved, or null.</param>
public sealed record ExtensionDecisionOutcome(IReadOnlyList<string> Decided, IReadOnlyList<string> OverCapacity, int Skipped, string? Refusal, IReadOnlyList<string> MailProblems)
{
    public static ExtensionDecisionOutcome Refused(string refusal, IReadOnlyList<string>? mailProblems = null) => new([], [], 0, refusal, mailProblems ?? []);
}

/// <summary>
/// The admin's bulk decision on an extension round's applications, through the pipeline's own
/// <see cref="DecideApplications"/> (its states, audit entries and race handling), plus what an extension adds:
/// capacity and mail. Accepting never takes the round beyond its seats or its budget (the sum of accepted requested
/// amounts): the selection is accepted in the order given while both allow, and the rest is refused by name with the
/// reason. Two admins deciding at once cannot together exceed it: every decision also saves the round's version, so the
/// second save fails, reloads what the first left, and is judged again against it. A decision mail, rendered with the
/// pipeline's templates, is queued in the same save for exactly the applications decided.
/// </summary>
public sealed class DecideExtensions(CohortDbContext db, DecideApplications decide, Outbox outbox, IAppLinks links)
{
    /// <summary>How often a decision that lost a race to another is judged again before the admin is asked to retry.</summary>
    private const int Attempts = 5;

    public async Task<ExtensionDecisionOutcome> RunAsync(Actor actor, int roundId, IReadOnlyList<int> ids, Decision decision, DecisionMail? mail, CancellationToken cancellation = default)
    {
        if (mail is not null && SendTemplatedMail.Problems(mail.Subject, mail.Body) is { Count: > 0 } problems)
        {
            return ExtensionDecisionOutcome.Refused("The mail cannot be sent as written, so nothing was decided.", problems);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var outcome = await TryAsync(actor, roundId, ids, decision, mail, cancellation);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return ExtensionDecisionOutcome.Refused("Other decisions on this round kept changing it, so nothing was saved. Reload the list and decide again.");
    }

    /// <summary>One attempt; null when it lost a race and must be judged again on what the winner left.</summary>
    private async Task<ExtensionDecisionOutcome?> TryAsync(Actor actor, int roundId, IReadOnlyList<int> ids, Decision decision, DecisionMail? mail, CancellationToken cancellation)
    {
        var round = await db.ExtensionRounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        if (round is null)
        {
            return ExtensionDecisionOutcome.Refused("There is no such extension round.");
        }

        var target = DecideApplications.TargetState(decision);
        var selected = ids.Distinct().ToList();
        var rows = (await ExtensionRows.Of(db, db.ExtensionApplications.Where(a => a.RoundId == round.Id && selected.Contains(a.Id))).AsNoTracking().ToListAsync(cancellation))
            .OrderBy(r => selected.IndexOf(r.Id)).ToList();
        var movable = rows.Where(r => ExtensionScope.AwaitsDecision(r.State) && r.State != target).ToList();
        var (moving, over) = target == ApplicationState.Advanced ? await WithinCapacityAsync(round, movable, cancellation) : (movable, []);
        if (moving.Count == 0)
        {
            return new([], over, selected.Count - over.Count, over.Count > 0 ? null : "None of the selected applications can be decided so: only submitted or waitlisted applications of this round can, and not into the state they are in.", []);
        }

        db.Entry(round).Property(r => r.Version).IsModified = true;
        if (mail is not null)
        {
            var zones = await ZonesAsync(moving, cancellation);
            foreach (var row in moving)
            {
                var values = new Dictionary<string, string>
                {
                    ["name"] = row.Name,
                    ["stage"] = round.Name,
                    ["stream"] = row.Stream,
                    ["deadline"] = MailTime.Say(round.ClosesAt, zones.GetValueOrDefault(row.Email)),
                    ["link"] = links.Link("/portal"),
                };
                outbox.Enqueue(row.Email, MailTemplate.Render(mail.Subject, values), MailTemplate.Render(mail.Body, values));
            }
        }

        var decided = await decide.RunAsync(actor, StageKind.Extension, moving.Select(r => r.Id).ToList(), decision, cancellation);
        if (decided.LostRace)
        {
            return null;
        }

        return decided.Refusal is { } refusal
            ? ExtensionDecisionOutcome.Refused(refusal)
            : new(moving.Select(r => r.Label).ToList(), over, selected.Count - moving.Count - over.Count, null, []);
    }

    /// <summary>The rows that fit the round's seats and budget left, in the order given, and why each other one does not.</summary>
    private async Task<(List<ExtensionRow> Fit, List<string> Over)> WithinCapacityAsync(ExtensionRound round, List<ExtensionRow> rows, CancellationToken cancellation)
    {
        var accepted = await db.ExtensionApplications.Where(a => a.RoundId == round.Id && a.State == ApplicationState.Advanced)
            .GroupBy(a => 1).Select(g => new { Seats = g.Count(), Spent = g.Sum(a => (long)a.RequestedAmount) }).SingleOrDefaultAsync(cancellation);
        var (seats, budget) = (round.Seats - (accepted?.Seats ?? 0), round.Budget - (accepted?.Spent ?? 0));
        var (fit, over) = (new List<ExtensionRow>(), new List<string>());
        foreach (var row in rows)
        {
            if (seats == 0)
            {
                over.Add($"{row.Label}: all {round.Seats} seats are taken");
            }
            else if (row.RequestedAmount > budget)
            {
                over.Add($"{row.Label}: asks {row.RequestedAmount:N0} {round.Currency}, {budget:N0} {round.Currency} of the budget is left");
            }
            else
            {
                fit.Add(row);
                seats--;
                budget -= row.RequestedAmount;
            }
        }

        return (fit, over);
    }

    private async Task<Dictionary<string, string?>> ZonesAsync(List<ExtensionRow> rows, CancellationToken cancellation)
    {
        var addresses = rows.Select(r => r.Email).ToList();
        return (await db.Users.AsNoTracking().Where(u => u.Email != null && addresses.Contains(u.Email))
                .Select(u => new { u.Email, u.TimeZoneId }).ToListAsync(cancellation))
            .ToDictionary(u => u.Email!, u => u.TimeZoneId);
    }
}
