using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Cohort.Core.Match;

namespace Cohort.Web.Pages.Admin.Match;

/// <summary>
/// The match: run it on the rankings as they stand (stable, or optimal on the streams' scores), see the result
/// (placements with their explanations, each stream's fill, the certificate) and how it differs from the run before.
/// Every run is kept.
/// </summary>
public class IndexModel(CohortDbContext db, AuditLog audit, RunStreamMatch match, PublishStreamMatch publish, PublicOrigin origin) : AuditedPage(db, audit)
{
    /// <summary>An applicant whose placement differs between the shown run and the one before it.</summary>
    public sealed record Change(string Name, string? Before, string? After);

    public List<MatchRun> Runs { get; private set; } = [];
    public MatchRun? Shown { get; private set; }
    public MatchResult? Result { get; private set; }
    public List<Change> Changes { get; private set; } = [];

    /// <summary>Set when publishing waits for its confirmation; the page then shows only that.</summary>
    public ActionConfirmation? Confirm { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Run { get; set; }

    /// <summary>Until when applicants may reorder their streams (UTC); empty for no deadline.</summary>
    [BindProperty]
    [Display(Name = "Applicants rank their streams until (UTC)")]
    public DateTime? RankingDeadline { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        RankingDeadline = await Core.Preferences.ApplicantPreferences.DeadlineAsync(Db, cancellation);
        Runs = await Db.MatchRuns.AsNoTracking().StreamMatches().Where(r => Db.Seasons.Any(s => s.Id == r.SeasonId && s.IsCurrent))
            .OrderByDescending(r => r.Id).ToListAsync(cancellation);
        Shown = Run is { } id ? Runs.SingleOrDefault(r => r.Id == id) : Runs.FirstOrDefault();
        if (Run is not null && Shown is null)
        {
            return NotFound();
        }

        if (Shown is not null)
        {
            Result = Read(Shown);
            if (Runs.FirstOrDefault(r => r.Id < Shown.Id) is { } previous)
            {
                var before = Read(previous).Placements.ToDictionary(p => p.CandidateId, p => p.Host);
                Changes = Result.Placements.Where(p => before.GetValueOrDefault(p.CandidateId) != p.Host)
                    .Select(p => new Change(p.Name, before.GetValueOrDefault(p.CandidateId), p.Host)).ToList();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(MatchAlgorithm algorithm, CancellationToken cancellation)
    {
        if (!ModelState.IsValid)
        {
            return RedirectWithNotice("That run was not understood, so nothing was run.", "/Admin/Match/Index");
        }

        var run = await match.RunAsync(User.AsActor(), algorithm, cancellation);
        return run is null
            ? RedirectWithNotice("There is no current season to match.", "/Admin/Match/Index")
            : RedirectWithNotice($"Run {run.Id}: {run.Matched} matched, {run.Unmatched} unmatched; {(run.Certified ? "the certificate holds" : "the certificate does NOT hold")}.",
                "/Admin/Match/Index", new { run = run.Id });
    }

    public async Task<IActionResult> OnPostDeadlineAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        if (season is null || !ModelState.IsValid)
        {
            return RedirectWithNotice("That deadline was not understood, so nothing was changed.", "/Admin/Match/Index");
        }

        var settings = await Db.MatchSettings.SingleOrDefaultAsync(s => s.SeasonId == season.Id, cancellation);
        if (settings is null)
        {
            settings = new Core.Match.MatchSettings { SeasonId = season.Id };
            Db.MatchSettings.Add(settings);
        }

        var before = settings.RankingDeadline;
        settings.RankingDeadline = RankingDeadline is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
        var saved = await SaveAsync("match.ranking-deadline", $"season:{season.Id}", $"{before?.ToString("u") ?? "none"} → {settings.RankingDeadline?.ToString("u") ?? "none"}", cancellation);
        var notice = !saved ? ConcurrencyProblem
            : settings.RankingDeadline is { } d ? $"Applicants rank their streams until {d:d MMMM yyyy HH:mm} UTC." : "Applicants may rank their streams with no deadline.";
        return RedirectWithNotice(notice, "/Admin/Match/Index");
    }

    /// <summary>
    /// Publishes the shown run: its placements become offers, mailed, to answer by <paramref name="respondBy"/> (UTC).
    /// Mail cannot be unsent, so it first asks for confirmation, saying how many offers and mails it makes.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int runId, DateTime? respondBy, bool confirmed, CancellationToken cancellation)
    {
        if (respondBy is not { } by)
        {
            return RedirectWithNotice("Give the date and time by which applicants must answer.", "/Admin/Match/Index", new { run = runId });
        }

        if (!confirmed)
        {
            var run = await Db.MatchRuns.AsNoTracking().StreamMatches().SingleOrDefaultAsync(r => r.Id == runId, cancellation);
            if (run is not { PublishedAt: null })
            {
                return RedirectWithNotice(run is null ? "There is no such run." : $"Run {run.Id} is already published.", "/Admin/Match/Index");
            }

            Confirm = PublishConfirmation(run, by);
            return Page();
        }

        var refusal = await publish.RunAsync(User.AsActor(), runId, DateTime.SpecifyKind(by, DateTimeKind.Utc), origin.Link("/portal"), cancellation);
        return RedirectWithNotice(refusal ?? $"Run {runId} is published: its offers are in the outbox.", "/Admin/Match/Index", new { run = runId });
    }

    private static ActionConfirmation PublishConfirmation(MatchRun run, DateTime respondBy)
    {
        var offers = Text.Count(run.Matched, "offer");
        var at = respondBy.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return new(
            $"Publish run {run.Id} and mail {offers}?",
            $"{offers} will be made and {Text.Count(run.Matched, "mail")} queued, one to each placed applicant, to answer by " +
                $"{respondBy.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC. {Text.Count(run.Unmatched, "unmatched applicant")} will get no offer. " +
                "Mail cannot be unsent, and a run is published once.",
            $"Yes, publish and mail {offers}",
            $"/admin/match?run={run.Id}",
            [new("runId", run.Id.ToString(CultureInfo.InvariantCulture)), new("respondBy", at)]);
    }

    private static MatchResult Read(MatchRun run) => JsonSerializer.Deserialize<MatchResult>(run.ResultJson)!;
}
