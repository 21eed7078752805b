using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Match;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Projects;

/// <summary>
/// Tells every fellow of the run their project, in their portal and by mail. Only the stream's latest run, only a
/// stable one, and only while its projects are still approved. A fellow it places has their project for good; a later
/// run assigns the rest.
/// </summary>
public sealed class PublishProjectMatch(CohortDbContext db, TimeProvider clock, Outbox outbox, AuditLog audit)
{
    public async Task<string?> RunAsync(Actor actor, int runId, string portalLink, CancellationToken cancellation = default)
    {
        var run = await db.MatchRuns.SingleOrDefaultAsync(r => r.Id == runId && r.Kind == MatchKind.Projects, cancellation);
        if (run?.StreamId is not { } streamId || !await ProjectScope.MayAssignAsync(db, actor, streamId, cancellation))
        {
            return "There is no such run, or it is not yours to publish.";
        }

        var latest = await db.MatchRuns.ProjectMatches(streamId).MaxAsync(r => r.Id, cancellation);
        var result = JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!;
        // The project match's candidates are fellows and its hosts projects.
        var placedOn = result.Placements.Where(p => p.HostId is not null).Select(p => p.HostId!.Value).Distinct().ToList();
        var projects = await db.Projects.Where(p => placedOn.Contains(p.Id) && p.State == ProjectState.Approved)
            .Select(p => new { p.Id, Mentors = p.Mentors.Select(m => m.Mentor!.Name).ToList() }).ToDictionaryAsync(p => p.Id, p => p.Mentors, cancellation);
        var refusal = run switch
        {
            { PublishedAt: not null } => $"Run {run.Id} was already published on {run.PublishedAt:d MMMM yyyy HH:mm} UTC; it cannot be published twice.",
            { Certified: false } => "This run is not stable, so it cannot be published.",
            _ when run.Id != latest => "A later run exists: publish the latest run, or run again.",
            _ when placedOn.Any(id => !projects.ContainsKey(id)) => "A project of this run was withdrawn since; run the assignment again.",
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        var stream = await db.Streams.Where(s => s.Id == streamId).Select(s => s.Name).SingleAsync(cancellation);
        var fellowIds = result.Placements.Select(p => p.CandidateId).ToList();
        var emails = await db.Users.Where(u => fellowIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellation);
        foreach (var placement in result.Placements)
        {
            var news = placement.HostId is { } project
                ? $"your project is \"{placement.Host}\", mentored by {string.Join(" and ", projects[project].Order(StringComparer.Ordinal))}."
                : $"no project could be assigned to you. {placement.Explanation} Your mentors will be in touch.";
            outbox.Enqueue(emails[placement.CandidateId], $"Your project in {stream}", $"Dear {placement.Name},\n\nIn {stream}, {news}\n\nSee it in your portal: {portalLink}\n");
        }

        run.PublishedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "project-assignment.published", $"project-assignment-run:{run.Id}", $"{run.Matched} assigned, {run.Unmatched} unassigned");
        return await db.SaveOrRefuseAsync($"Run {run.Id} was published at the same moment by someone else; it cannot be published twice.", cancellation);
    }
}
