using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>A question of a round's form, as a script needs it to read the answers' keys.</summary>
public sealed record ExtensionRoundQuestionRow(int Id, int Position, string Key, string Prompt, QuestionKind Kind, bool Required);

/// <summary>
/// An extension round with its form, its dates and capacity, and where it stands: applications submitted, accepted,
/// and the budget the accepted ones take.
/// </summary>
public sealed record ExtensionRoundRow(
    int Id, int SeasonId, string Season, string Name, DateTime OpensAt, DateTime ClosesAt, int Seats, int Budget, string Currency, DateOnly ExtendsUntil,
    IReadOnlyList<ExtensionRoundQuestionRow> Questions, int Applications, int Accepted, int AcceptedAmount);

/// <summary>The one query of extension rounds, paged by round id: <c>/api/v1/extension-rounds</c>.</summary>
public static class ExtensionRoundRows
{
    public static async Task<IReadOnlyList<ExtensionRoundRow>> PageAsync(CohortDbContext db, int? seasonId, int afterId, int take, CancellationToken cancellation) =>
        (await db.ExtensionRounds.AsNoTracking()
            .Where(r => r.Id > afterId && (seasonId == null || r.SeasonId == seasonId))
            .OrderBy(r => r.Id).Take(take)
            .Select(r => new
            {
                Round = r,
                Season = db.Seasons.Where(s => s.Id == r.SeasonId).Select(s => s.Slug).First(),
                Questions = r.Questions.OrderBy(q => q.Position).Select(q => new ExtensionRoundQuestionRow(q.Id, q.Position, q.Key, q.Prompt, q.Kind, q.Required)).ToList(),
                Applications = db.ExtensionApplications.Count(a => a.RoundId == r.Id && a.SubmittedAt != null),
                Accepted = db.ExtensionApplications.Count(a => a.RoundId == r.Id && a.State == ApplicationState.Advanced),
                AcceptedAmount = db.ExtensionApplications.Where(a => a.RoundId == r.Id && a.State == ApplicationState.Advanced).Sum(a => (int?)a.RequestedAmount) ?? 0,
            })
            .ToListAsync(cancellation))
        .Select(r => new ExtensionRoundRow(
            r.Round.Id, r.Round.SeasonId, r.Season, r.Round.Name, r.Round.OpensAt, r.Round.ClosesAt, r.Round.Seats, r.Round.Budget, r.Round.Currency,
            r.Round.ExtendsUntil, r.Questions, r.Applications, r.Accepted, r.AcceptedAmount))
        .ToList();
}
