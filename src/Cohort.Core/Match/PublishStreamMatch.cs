using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Match;

/// <summary>
/// Turns a run's placements into offers, mailed to each placed applicant, with one deadline to answer by. A run is
/// published once, only if it is the season's latest and its certificate holds, and only while every
/// placed application is still under consideration: otherwise the admin runs again on what changed.
/// </summary>
public sealed class PublishStreamMatch(CohortDbContext db, TimeProvider clock, Outbox outbox, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor admin, int runId, DateTime respondBy, string portalLink, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = await db.MatchRuns.StreamMatches().SingleOrDefaultAsync(r => r.Id == runId, cancellation);
        var latest = run is null ? null : await db.MatchRuns.StreamMatches().Where(r => r.SeasonId == run.SeasonId).MaxAsync(r => (int?)r.Id, cancellation);
        var refusal = run switch
        {
            null => "There is no such run.",
            { PublishedAt: not null } => $"Run {run.Id} was already published on {run.PublishedAt:d MMMM yyyy HH:mm} UTC; it cannot be published twice.",
            { Certified: false } => "This run's certificate does not hold, so it cannot be published.",
            _ when run.Id != latest => "A later run exists: publish the latest run, or run again.",
            _ when respondBy <= now => "The answer deadline must be in the future.",
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        var result = JsonSerializer.Deserialize<MatchResult>(run!.ResultJson)!;
        // The stream match's candidates are applicants and its hosts streams.
        var placements = result.Placements.Where(p => p.HostId is not null).ToList();
        var applicantIds = placements.Select(p => p.CandidateId).ToList();
        var applications = await StreamsStage.UnderConsideration(db).Where(a => applicantIds.Contains(a.ApplicantId))
            .ToDictionaryAsync(a => (a.ApplicantId, a.StreamId), a => a.Id, cancellation);
        if (placements.Any(p => !applications.ContainsKey((p.CandidateId, p.HostId!.Value))))
        {
            return "Some placed applications are no longer under consideration (withdrawn or decided since the run). Run the match again.";
        }

        var people = await db.Users.Where(u => applicantIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.Email, u.TimeZoneId }, cancellation);
        foreach (var placement in placements)
        {
            db.Offers.Add(new Offer
            {
                RunId = run.Id, SeasonId = run.SeasonId, StreamId = placement.HostId!.Value, StreamApplicationId = applications[(placement.CandidateId, placement.HostId.Value)],
                ApplicantId = placement.CandidateId, State = OfferState.Pending, CreatedAt = now, RespondBy = respondBy,
            });
            var person = people[placement.CandidateId];
            outbox.Enqueue(person.Email!, $"An offer from {placement.Host}",
                $"Dear {placement.Name},\n\n{placement.Host} offers you a place. Please accept or decline in your portal by {MailTime.Say(respondBy, person.TimeZoneId)}: {portalLink}\n\n" +
                "Accepting is final and withdraws your other stream applications; declining frees the seat for someone else.\n");
        }

        db.UnplacedApplicants.AddRange(result.Placements.Where(p => p.HostId is null)
            .Select(p => new UnplacedApplicant { RunId = run.Id, ApplicantId = p.CandidateId, Explanation = p.Explanation }));
        run.PublishedAt = now;
        audit.Record(admin, "match.published", $"match-run:{run.Id}", $"{placements.Count} offers, answer by {respondBy:u}");
        return await db.SaveOrRefuseAsync($"Run {run.Id} was published at the same moment by someone else; it cannot be published twice.", cancellation);
    }
}
