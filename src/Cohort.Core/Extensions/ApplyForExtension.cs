using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>What a fellow hands in: the amount asked of the round's budget and an answer per question key.</summary>
public sealed record ExtensionDraft(int RequestedAmount, IReadOnlyDictionary<string, string> Answers);

/// <param name="NotFound">The round does not exist or the account is not a fellow of its season: the page answers 404.</param>
/// <param name="Refusal">Why nothing was saved, for the page to show; null when saved.</param>
/// <param name="Problems">Answers that are not acceptable, each beside its question.</param>
public sealed record ExtensionApplyOutcome(bool NotFound, string? Refusal, IReadOnlyList<AnswerProblem> Problems)
{
    public bool Saved => !NotFound && Refusal is null;

    public static ExtensionApplyOutcome Missing { get; } = new(true, null, []);

    public static ExtensionApplyOutcome Refused(string refusal, IReadOnlyList<AnswerProblem>? problems = null) => new(false, refusal, problems ?? []);
}

/// <summary>
/// A fellow's application to an extension round: saved as a draft, submitted, or withdrawn, while the round is open.
/// One application a fellowship and round (a unique index holds it under concurrency). Answers follow the same rules
/// as the general application's (<see cref="AnswerRules"/>): a draft may leave required questions blank but not
/// break the others; a submission answers every required one. After the deadline nothing is written.
/// </summary>
public sealed class ApplyForExtension(CohortDbContext db, AuditLog audit, Outbox outbox, IAppLinks links, TimeProvider clock)
{
    public const string Race = "Your application changed in another window at the same moment, so this was not saved. Reload the page and try again.";

    public async Task<ExtensionApplyOutcome> SaveAsync(Actor fellow, int roundId, ExtensionDraft draft, bool submit, CancellationToken cancellation = default)
    {
        var (round, fellowshipId) = await FindAsync(fellow, roundId, cancellation);
        if (round is null)
        {
            return ExtensionApplyOutcome.Missing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Closed(round, now) is { } closed)
        {
            return ExtensionApplyOutcome.Refused(closed);
        }

        var application = await db.ExtensionApplications.Include(a => a.Answers)
            .SingleOrDefaultAsync(a => a.RoundId == round.Id && a.FellowshipId == fellowshipId, cancellation);
        if (application is not null && application.State != ApplicationState.Draft)
        {
            return ExtensionApplyOutcome.Refused(application.State == ApplicationState.Withdrawn
                ? "You withdrew your application to this round; a fellowship applies once a round."
                : "Your application is already submitted; it can no longer be changed, only withdrawn.");
        }

        if (draft.RequestedAmount < 0 || draft.RequestedAmount > round.Budget)
        {
            return ExtensionApplyOutcome.Refused($"Ask for an amount between 0 and the round's budget of {round.Budget:N0} {round.Currency}.");
        }

        var problems = round.Questions.SelectMany(q => AnswerRules.Check(q, draft.Answers.GetValueOrDefault(q.Key), submit)).ToList();
        if (problems.Count > 0)
        {
            return ExtensionApplyOutcome.Refused(submit ? "Some answers are missing or not acceptable, so the application was not submitted." : "Some answers are not acceptable, so the draft was not saved.", problems);
        }

        if (application is null)
        {
            application = new ExtensionApplication { RoundId = round.Id, FellowshipId = fellowshipId, State = ApplicationState.Draft };
            db.ExtensionApplications.Add(application);
        }

        application.RequestedAmount = draft.RequestedAmount;
        application.UpdatedAt = now;
        foreach (var question in round.Questions)
        {
            var value = draft.Answers.GetValueOrDefault(question.Key)?.Trim() ?? "";
            var answer = application.Answers.SingleOrDefault(a => a.QuestionId == question.Id);
            if (answer is null)
            {
                application.Answers.Add(new ExtensionAnswer { QuestionId = question.Id, Value = value });
            }
            else
            {
                answer.Value = value;
            }
        }

        if (submit)
        {
            application.State = ApplicationState.Submitted;
            application.SubmittedAt = now;
            var person = await db.Users.Where(u => u.Id == fellow.UserId).Select(u => new { Email = u.Email ?? "", u.TimeZoneId }).SingleAsync(cancellation);
            outbox.Enqueue(person.Email, $"Your application to {round.Name} is submitted",
                $"We received your application to {round.Name}, asking for {application.RequestedAmount:N0} {round.Currency}. Your mentors endorse it next; decisions follow the deadline of {MailTime.Say(round.ClosesAt, person.TimeZoneId)}.\n\nYour portal: {links.Link("/portal")}");
        }

        audit.Record(fellow, submit ? "extension-application.submitted" : "extension-application.saved", $"extension-round:{round.Id}", $"requested {application.RequestedAmount} {round.Currency}");
        return await db.SaveOrRefuseAsync(Race, cancellation) is { } race ? ExtensionApplyOutcome.Refused(race) : new(false, null, []);
    }

    /// <summary>Withdraws the fellow's application while it awaits a decision; accepted and rejected ones are final.</summary>
    public async Task<ExtensionApplyOutcome> WithdrawAsync(Actor fellow, int roundId, CancellationToken cancellation = default)
    {
        var (round, fellowshipId) = await FindAsync(fellow, roundId, cancellation);
        if (round is null)
        {
            return ExtensionApplyOutcome.Missing;
        }

        var application = await db.ExtensionApplications.SingleOrDefaultAsync(a => a.RoundId == round.Id && a.FellowshipId == fellowshipId, cancellation);
        if (application is null || !(application.State == ApplicationState.Draft || ExtensionScope.AwaitsDecision(application.State)))
        {
            return ExtensionApplyOutcome.Refused(application is null ? "You have no application to this round to withdraw." : $"Your application is {application.State.ToString().ToLowerInvariant()}, so it can no longer be withdrawn.");
        }

        audit.Record(fellow, "extension-application.withdrawn", $"extension-application:{application.Id}", $"{application.State} → Withdrawn");
        application.State = ApplicationState.Withdrawn;
        application.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        return await db.SaveOrRefuseAsync(Race, cancellation) is { } race ? ExtensionApplyOutcome.Refused(race) : new(false, null, []);
    }

    /// <summary>Why the round takes no application at <paramref name="now"/>, or null while it is open.</summary>
    public static string? Closed(ExtensionRound round, DateTime now) =>
        now < round.OpensAt ? $"{round.Name} opens on {MailTime.Say(round.OpensAt, null)}; applications are taken from then."
        : now > round.ClosesAt ? $"{round.Name} closed on {MailTime.Say(round.ClosesAt, null)}, so applications are no longer taken and nothing was saved."
        : null;

    private async Task<(ExtensionRound? Round, int FellowshipId)> FindAsync(Actor fellow, int roundId, CancellationToken cancellation)
    {
        var round = await ExtensionScope.RoundsOfFellow(db, fellow.UserId!).AsNoTracking().Include(r => r.Questions.OrderBy(q => q.Position))
            .SingleOrDefaultAsync(r => r.Id == roundId, cancellation);
        return round is null ? (null, 0) : (round, await ExtensionScope.FellowshipFor(db, fellow.UserId!, round).Select(f => f.Id).FirstAsync(cancellation));
    }
}
