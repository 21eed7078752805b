using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cohort.Core.Privacy;

/// <summary>What a purge found (and, unless a dry run, erased): applicants by the season that made them expire.</summary>
public sealed record PurgeReport(IReadOnlyList<PurgeSeason> Seasons, int Erased, IReadOnlyList<string> Refusals, string? Problem)
{
    public int Found => Seasons.Sum(s => s.Applicants);
}

public sealed record PurgeSeason(string Season, DateOnly ProgrammeEnd, int Applicants);

/// <summary>
/// The retention rule (<see cref="RetentionOptions.RetainApplicantsForMonths"/>): an applicant whose every season's
/// programme ended more than that many months ago (and an account that never applied, created that long ago) is
/// erased by <see cref="EraseApplicant"/>, one at a time, each erasure complete on its own. Shared by `cohort purge`
/// and the daily job, so both erase exactly the same people.
/// </summary>
public sealed class PurgeExpiredApplicants(CohortDbContext db, EraseApplicant erase, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public static readonly Actor Retention = new(null, "retention");

    public async Task<PurgeReport> RunAsync(bool dryRun, CancellationToken cancellation = default)
    {
        if (options.Value.RetainApplicantsForMonths is not { } months)
        {
            return new([], 0, [], $"{RetentionOptions.Section}:{nameof(RetentionOptions.RetainApplicantsForMonths)} is not set, so no applicant is old enough to purge.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = DateOnly.FromDateTime(now).AddMonths(-months);
        var expired = await ExpiredAsync(cutoff, DateTime.SpecifyKind(cutoff.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc), cancellation);
        var seasons = expired.GroupBy(e => (e.Season, e.ProgrammeEnd)).OrderBy(g => g.Key.ProgrammeEnd)
            .Select(g => new PurgeSeason(g.Key.Season, g.Key.ProgrammeEnd, g.Count())).ToList();
        if (dryRun)
        {
            return new(seasons, 0, [], null);
        }

        var (erased, refusals) = (0, new List<string>());
        foreach (var applicant in expired)
        {
            var outcome = await erase.RunAsync(Retention, applicant.Id, cancellation);
            db.ChangeTracker.Clear();
            if (outcome.Erased)
            {
                erased++;
            }
            else
            {
                refusals.Add(outcome.Refusal!);
            }
        }

        return new(seasons, erased, refusals, null);
    }

    private sealed record Expired(string Id, string Season, DateOnly ProgrammeEnd);

    /// <summary>Applicants not erased yet whose last season ended before <paramref name="cutoff"/>; with no application, created before it.</summary>
    private async Task<List<Expired>> ExpiredAsync(DateOnly cutoff, DateTime createdBefore, CancellationToken cancellation)
    {
        var applicantRole = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).SingleOrDefaultAsync(cancellation);
        var applicants = db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == applicantRole)
                                             && !db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId != applicantRole)
                                             && !db.ErasureRequests.Any(r => r.ApplicantId == u.Id && r.ErasedAt != null));
        var accounts = await applicants.Select(u => new { u.Id, u.CreatedAt }).ToListAsync(cancellation);
        var general = db.Applications.Where(a => applicants.Any(u => u.Id == a.ApplicantId)).Select(a => new { a.ApplicantId, SeasonId = a.Form!.SeasonId });
        var streams = db.StreamApplications.Where(a => applicants.Any(u => u.Id == a.ApplicantId)).Select(a => new { a.ApplicantId, SeasonId = a.Stream!.Track!.SeasonId });
        var seasonsApplied = await general.Concat(streams).Distinct()
            .Join(db.Seasons, a => a.SeasonId, s => s.Id, (a, s) => new { a.ApplicantId, s.Name, s.ProgrammeEnd }).ToListAsync(cancellation);
        var lastSeason = seasonsApplied.GroupBy(a => a.ApplicantId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.ProgrammeEnd)!);
        return accounts
            .Select(a => (a.Id, a.CreatedAt, Last: lastSeason.GetValueOrDefault(a.Id)))
            .Where(a => a.Last is null ? a.CreatedAt < createdBefore : a.Last.ProgrammeEnd < cutoff)
            .Select(a => new Expired(a.Id, a.Last?.Name ?? "(no application)", a.Last?.ProgrammeEnd ?? DateOnly.FromDateTime(a.CreatedAt)))
            .ToList();
    }
}
