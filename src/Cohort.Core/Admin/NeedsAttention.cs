using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Pipeline;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Admin;

/// <summary>One thing an admin should act on now: how many of what, and the page that resolves it.</summary>
/// <param name="Count">How many; null for a plain statement ("the match has not been run"), which is then shown as is.</param>
/// <param name="One">What one of them is called ("general application waiting for a decision").</param>
/// <param name="Many">What several are called, when not <paramref name="One"/> with an "s".</param>
/// <param name="Urgent">Late or failing (overdue reviews, failed mail, offers lapsing within a day), shown first.</param>
public sealed record AttentionItem(int? Count, string One, string? Many, string Href, bool Urgent = false)
{
    public bool IsDue => Count is null or > 0;
}

/// <summary>A dated step of the season, for "what comes next".</summary>
public sealed record SeasonDate(string Title, DateTime At);

/// <summary>Where the season stands: the phase it is in, what needs an admin, and the next dates.</summary>
public sealed record SeasonAttention(string Phase, IReadOnlyList<AttentionItem> Items, IReadOnlyList<SeasonDate> Next);

/// <summary>
/// The admin dashboard's "needs attention now", read from the real state of the current season: decisions waiting at
/// each stage, reviews outstanding and overdue, rounds short of reviewers, streams without a ranking, the ranking
/// deadline, the match, offers, and mail that failed. Nothing here is stored; every item is a count of what is.
/// </summary>
public sealed class NeedsAttention(CohortDbContext db, TimeProvider clock)
{
    /// <summary>How soon a deadline (offers, the ranking deadline) counts as "soon".</summary>
    public static readonly TimeSpan Soon = TimeSpan.FromDays(3);

    public async Task<SeasonAttention?> RunAsync(CancellationToken cancellation = default)
    {
        var season = await db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        if (season is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = new List<AttentionItem>();
        items.AddRange(await DecisionsAsync(season.Id, cancellation));
        items.AddRange(await ReviewsAsync(season.Id, now, cancellation));
        items.AddRange(await MatchAsync(season.Id, now, cancellation));
        var failed = await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.LastError != null, cancellation);
        if (failed > 0)
        {
            items.Add(new(failed, "message failed to send and is being retried", "messages failed to send and are being retried", "/admin/outbox", Urgent: true));
        }

        var stages = await db.Stages.AsNoTracking().Where(s => db.Tracks.Any(t => t.Id == s.TrackId && t.SeasonId == season.Id)).ToListAsync(cancellation);
        var keyDates = await db.KeyDates.AsNoTracking().Where(d => d.SeasonId == season.Id && d.At >= now).OrderBy(d => d.At).Take(3).ToListAsync(cancellation);
        var next = stages.SelectMany(s => new[] { new SeasonDate($"{s.Name} opens", s.OpensAt), new SeasonDate($"{s.Name} closes", s.ClosesAt) })
            .Concat(keyDates.Select(d => new SeasonDate(d.Title, d.At)))
            .Where(d => d.At >= now).DistinctBy(d => (d.Title, d.At)).OrderBy(d => d.At).Take(3).ToList();
        return new(await PhaseAsync(season, stages, now, cancellation), [.. items.Where(i => i.IsDue).OrderByDescending(i => i.Urgent)], next);
    }

    private async Task<string> PhaseAsync(Season season, List<Stage> stages, DateTime now, CancellationToken cancellation)
    {
        if (await db.MatchRuns.StreamMatches().AnyAsync(r => r.SeasonId == season.Id && r.PublishedAt != null, cancellation))
        {
            return DateOnly.FromDateTime(now) >= season.ProgrammeStart ? "Programme: the fellows are at work" : "Match: offers are out";
        }

        var open = stages.Where(s => s.OpensAt <= now && now < s.ClosesAt).OrderBy(s => s.Position).FirstOrDefault();
        if (open is not null)
        {
            return $"Applications: {open.Name} is open";
        }

        return stages.Count == 0 || stages.All(s => now < s.OpensAt) ? "Catalogue: applications have not opened yet"
            : stages.All(s => s.ClosesAt <= now) ? "Match: every stage has closed" : "Review: between stages";
    }

    private async Task<IEnumerable<AttentionItem>> DecisionsAsync(int seasonId, CancellationToken cancellation)
    {
        var general = db.Applications.Where(a => a.Form!.SeasonId == seasonId);
        return
        [
            new(await general.CountAsync(a => a.State == ApplicationState.Submitted, cancellation), "general application waiting for a decision", "general applications waiting for a decision", "/admin/pipeline/general?state=Submitted"),
            new(await AssessmentEntries.Of(db, seasonId).Where(e => e.State == ApplicationState.Submitted).Select(e => e.ApplicantId).Distinct().CountAsync(cancellation), "assessment waiting for a decision", "assessments waiting for a decision", "/admin/pipeline/assessments?state=Submitted"),
            new(await db.StreamApplications.CountAsync(a => a.Stream!.Track!.SeasonId == seasonId && a.State == ApplicationState.Submitted, cancellation),
                "stream application waiting for a decision", "stream applications waiting for a decision", "/admin/pipeline/streams?state=Submitted"),
        ];
    }

    private async Task<IEnumerable<AttentionItem>> ReviewsAsync(int seasonId, DateTime now, CancellationToken cancellation)
    {
        var rounds = await db.ReviewRounds.AsNoTracking().Where(r => r.SeasonId == seasonId && r.State != ReviewRoundState.Closed)
            .Select(r => new
            {
                r.Id, r.Name, r.State, r.DueAt, r.ReviewsPerApplication,
                Outstanding = r.Assignments.Count(a => a.State == AssignmentState.Assigned),
                Subjects = r.Assignments.Select(a => a.SubjectId).Distinct().Count(),
                Active = r.Assignments.Count(a => a.State != AssignmentState.Declined),
            }).ToListAsync(cancellation);
        var items = new List<AttentionItem>();
        foreach (var round in rounds)
        {
            var href = $"/admin/review/rounds/{round.Id}";
            if (round.State == ReviewRoundState.Open && round.Outstanding > 0)
            {
                var overdue = round.DueAt is { } due && due < now;
                var late = overdue ? ", past its due date" : "";
                items.Add(new(round.Outstanding, $"review outstanding in {round.Name}{late}", $"reviews outstanding in {round.Name}{late}", href, Urgent: overdue));
            }

            // Short of reviewers: no assignment yet, or some applications with fewer active reviewers than the round asks.
            var missing = round.Subjects == 0 ? 1 : (round.Subjects * round.ReviewsPerApplication) - round.Active;
            if (missing > 0)
            {
                items.Add(round.Subjects == 0
                    ? new(null, $"{round.Name} has no reviewers assigned yet", null, href)
                    : new(missing, $"review not yet assigned in {round.Name}", $"reviews not yet assigned in {round.Name}", href));
            }
        }

        var streamsWithApplicants = await db.StreamApplications
            .Where(a => a.Stream!.Track!.SeasonId == seasonId && (a.State == ApplicationState.Submitted || a.State == ApplicationState.Advanced || a.State == ApplicationState.Waitlisted))
            .Select(a => a.StreamId).Distinct().ToListAsync(cancellation);
        var ranked = await db.StreamPreferences.Where(e => streamsWithApplicants.Contains(e.StreamId)).Select(e => e.StreamId).Distinct().CountAsync(cancellation);
        items.Add(new(streamsWithApplicants.Count - ranked, "stream whose mentors have not ranked its applicants", "streams whose mentors have not ranked their applicants", "/admin/streams"));
        return items;
    }

    private async Task<IEnumerable<AttentionItem>> MatchAsync(int seasonId, DateTime now, CancellationToken cancellation)
    {
        var items = new List<AttentionItem>();
        var deadline = await db.MatchSettings.Where(s => s.SeasonId == seasonId).Select(s => s.RankingDeadline).SingleOrDefaultAsync(cancellation);
        var streamsStage = await db.StreamApplications.AnyAsync(a => a.Stream!.Track!.SeasonId == seasonId && a.State != ApplicationState.Draft, cancellation);
        if (deadline is { } by && now <= by && by - now <= Soon)
        {
            items.Add(new(null, $"Applicants' stream rankings freeze on {by:d MMMM yyyy 'at' HH:mm} UTC: the match runs on them after that", null, "/admin/match"));
        }

        var runs = await db.MatchRuns.StreamMatches().Where(r => r.SeasonId == seasonId).Select(r => new { r.Id, r.PublishedAt }).ToListAsync(cancellation);
        if (streamsStage && runs.Count == 0)
        {
            items.Add(new(null, "The match has not been run yet", null, "/admin/match"));
        }
        else if (runs.Count > 0 && runs.All(r => r.PublishedAt is null))
        {
            items.Add(new(null, "The match has been run but not published: no offers are out", null, "/admin/match"));
        }

        var pending = await db.Offers.Where(o => o.SeasonId == seasonId && o.State == OfferState.Pending).Select(o => o.RespondBy).ToListAsync(cancellation);
        items.Add(new(pending.Count(at => at - now > TimeSpan.FromDays(1)), "offer waiting for the applicant's answer", "offers waiting for the applicants' answers", "/admin/match"));
        items.Add(new(pending.Count(at => at - now <= TimeSpan.FromDays(1)), "offer lapsing within a day", "offers lapsing within a day", "/admin/match", Urgent: true));
        return items;
    }
}
