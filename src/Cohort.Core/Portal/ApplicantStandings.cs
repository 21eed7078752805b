using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Pipeline;
using Cohort.Core.Preferences;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Portal;

/// <summary>Reads an applicant's <see cref="StandingFacts"/> in the current season, and the closure the use cases refuse with.</summary>
public static class ApplicantStandings
{
    public static async Task<ApplicantStanding> LoadAsync(CohortDbContext db, string applicantId, DateTime now, CancellationToken cancellation)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return ApplicantStanding.Derive(new(now, null, false, null, null, [], [], null));
        }

        var general = await db.ApplicationForms.AsNoTracking().Where(f => f.SeasonId == season.Id && f.Kind == FormKind.General)
            .Select(f => new
            {
                f.Title, f.OpensAt, f.ClosesAt, f.GraceMinutes,
                Application = db.Applications.Where(a => a.FormId == f.Id && a.ApplicantId == applicantId)
                    .Select(a => new
                    {
                        a.State,
                        AssessmentEntryState = AssessmentEntries.Of(db, season.Id).Where(e => e.ApplicantId == applicantId).OrderBy(e => e.Id)
                            .Select(e => (ApplicationState?)e.State).FirstOrDefault(),
                    }).FirstOrDefault(),
            }).SingleOrDefaultAsync(cancellation);
        var streams = await db.StreamApplications.AsNoTracking().Where(a => a.ApplicantId == applicantId && a.Stream!.Track!.SeasonId == season.Id)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new StreamFacts(a.Id, a.StreamId, a.Stream!.Slug, a.Stream.Name, a.State)).ToListAsync(cancellation);
        var offers = (await db.Offers.AsNoTracking().Where(o => o.ApplicantId == applicantId && o.SeasonId == season.Id)
            .Join(db.Streams, o => o.StreamId, s => s.Id, (o, s) => new OfferFacts(o.Id, o.StreamApplicationId, s.Name, o.State, o.RespondBy))
            .ToListAsync(cancellation)).OrderBy(o => o.Id).ToList();
        var streamsStage = await db.Stages.AsNoTracking().Where(s => s.Kind == StageKind.Streams && s.Track!.SeasonId == season.Id).ToListAsync(cancellation);
        var streamWindow = streamsStage.Count == 0 ? null : new Window(streamsStage.Min(w => w.OpensAt), streamsStage.Max(w => w.ClosesAt));
        var facts = new StandingFacts(
            now,
            general is null ? null : new GeneralFacts(general.Title, general.OpensAt, general.ClosesAt, general.ClosesAt.AddMinutes(general.GraceMinutes),
                general.Application?.State, general.Application?.AssessmentEntryState),
            await StreamsStage.IsInvitedAsync(db, applicantId, season.Id, cancellation),
            streamWindow,
            await ApplicantPreferences.DeadlineAsync(db, cancellation),
            streams,
            offers,
            await UnplacedExplanationAsync(db, applicantId, season.Id, offers, cancellation));
        return ApplicantStanding.Derive(facts);
    }

    /// <summary>
    /// Why the applicant can do nothing more in the current season's selection (they accepted an offer or withdrew),
    /// or null: the refusal every applicant use case after the end starts with.
    /// </summary>
    public static async Task<string?> ClosureAsync(CohortDbContext db, string applicantId, CancellationToken cancellation)
    {
        var general = await db.Applications.Where(a => a.ApplicantId == applicantId && a.Form!.Kind == FormKind.General
                && db.Seasons.Any(s => s.Id == a.Form.SeasonId && s.IsCurrent))
            .Select(a => (ApplicationState?)a.State).FirstOrDefaultAsync(cancellation);
        var accepted = await db.Offers.Where(o => o.ApplicantId == applicantId && o.State == OfferState.Accepted && db.Seasons.Any(s => s.Id == o.SeasonId && s.IsCurrent))
            .Join(db.Streams, o => o.StreamId, s => s.Id, (o, s) => s.Name).FirstOrDefaultAsync(cancellation);
        return ApplicantStanding.ClosureOf(general, accepted);
    }

    /// <summary>
    /// Shown only to someone the latest published run considered and did not place, and who holds no seat from an
    /// earlier round (a declined or lapsed offer holds none).
    /// </summary>
    private static async Task<string?> UnplacedExplanationAsync(CohortDbContext db, string applicantId, int seasonId, List<OfferFacts> offers, CancellationToken cancellation)
    {
        if (offers.Any(o => Offer.HoldsSeatIn(o.State)))
        {
            return null;
        }

        var latest = await db.MatchRuns.AsNoTracking().StreamMatches().Where(r => r.PublishedAt != null && r.SeasonId == seasonId)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellation);
        return latest is null ? null
            : await db.UnplacedApplicants.Where(u => u.RunId == latest && u.ApplicantId == applicantId).Select(u => u.Explanation).SingleOrDefaultAsync(cancellation);
    }
}
