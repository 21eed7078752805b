using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Portal;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Preferences;

/// <summary>
/// An applicant orders the streams of the current season that are considering them, until the season's ranking
/// deadline. Every such stream must get a rank: leaving a stream is done by withdrawing from it, not by a blank.
/// </summary>
public sealed class SaveApplicantPreferences(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(string applicantId, IReadOnlyList<PreferenceRow> rows, CancellationToken cancellation = default)
    {
        if (await ApplicantStandings.ClosureAsync(db, applicantId, cancellation) is { } closure)
        {
            return closure;
        }

        var mine = await ApplicantPreferences.UnderConsideration(db, applicantId).Select(a => a.Id).ToListAsync(cancellation);
        if (mine.Count == 0)
        {
            return "No stream is considering an application of yours, so there is nothing to rank.";
        }

        if (await ApplicantPreferences.DeadlineAsync(db, cancellation) is { } deadline && clock.GetUtcNow().UtcDateTime > deadline)
        {
            return $"The ranking deadline passed on {deadline:d MMMM yyyy 'at' HH:mm} UTC; your ranking can no longer change.";
        }

        var problem = PreferenceRules.Check(rows, mine.ToHashSet(), "The ranking names a stream application that is not yours or no longer under consideration.")
            ?? (rows.Count != mine.Count || rows.Any(r => r.Position is null)
                ? $"Rank every stream you applied to, from 1 to {mine.Count}; to leave a stream, withdraw from it. Nothing was saved."
                : null);
        if (problem is not null)
        {
            return problem;
        }

        var before = await db.ApplicantStreamPreferences.Where(r => r.ApplicantId == applicantId && mine.Contains(r.StreamApplicationId)).ToListAsync(cancellation);
        var after = rows.Select(r => new ApplicantStreamPreference { ApplicantId = applicantId, StreamApplicationId = r.StreamApplicationId, Position = r.Position!.Value }).ToList();
        db.ApplicantStreamPreferences.RemoveRange(before);
        db.ApplicantStreamPreferences.AddRange(after);
        var actor = await AccountActors.OfAsync(db, applicantId, cancellation);
        audit.Record(actor, "applicant-ranking.saved", $"user:{actor.Name}", $"before: {Summary(before)}; after: {Summary(after)}");
        return await db.SaveOrRefuseAsync("Your ranking was saved from another tab at the same moment; reload to see it.", cancellation);
    }

    private static string Summary(IEnumerable<ApplicantStreamPreference> preferences) =>
        PreferenceRules.Summary(preferences.Select(r => (r.StreamApplicationId, (int?)r.Position, false)));
}
