using Cohort.Core.Analytics.Charts;
using Cohort.Core.Analytics.Streams;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Analytics.Funnel;

/// <summary>
/// Where people drop out: each applicant's way from starting the general application to accepting an offer, and each
/// stream's from an application to an accepted offer. The steps count the same records the pipeline's tables do.
/// docs/analytics.md ("Funnel") says how each step is counted.
/// </summary>
public sealed class FunnelAnalytics(CohortDbContext db) : IAnalyticsTopic
{
    private static readonly string[] StreamSteps = ["Applied", "Interviewed", "Offered", "Accepted"];

    private static readonly string[] Notes =
    [
        "A step counts the people who reached it. Those who stopped at a step are split by how they stand there now: waiting (for a decision, on the waitlist, holding an offer, or not yet at the next step), withdrew or declined, or rejected.",
        "Signed up counts everyone who started the season's general application (an account belongs to no season, so starting the application is where a person enters it). Stage 1 submitted, stage 2 invited and passed count the rows of the pipeline's stage 1 and assessments tables; attempted counts those who started an assessment of stage 2.",
        "From stage 3 on, applied counts submitted stream applications, interviewed a booked interview slot with the stream (the booking is Cohort's record of the interview), offered an offer of a published match, and accepted an accepted one. Per stream, a person counts once for each stream they applied to.",
    ];

    public string Key => "funnel";

    public string Title => "Funnel";

    public bool ByStream => true;

    public bool ForMentors => false;

    /// <summary>What the season's records say about one applicant; null where they have no record of that stage.</summary>
    private sealed record Applicant(ApplicationState? General, bool Submitted, ApplicationState? Assessments, bool Attempted, List<StreamApplicationFact> Streams);

    public async Task<AnalyticsSection> BuildAsync(AnalyticsScope scope, CancellationToken cancellation)
    {
        var streams = await SeasonStreams.OfAsync(db, scope.SeasonId, scope.StreamId, cancellation);
        var facts = await StreamApplicationFacts.OfAsync(db, scope.SeasonId, scope.StreamId, cancellation);
        if (scope.StreamId is not null)
        {
            var stream = streams.SingleOrDefault();
            var charts = stream is null ? [] : new[] { FunnelChart.Of("funnel", $"Stage 3 funnel: {stream.Label}", "applied", StreamFunnel(facts)) };
            return new AnalyticsSection(Key, Title, [Notes[0], Notes[2]], charts);
        }

        return new AnalyticsSection(Key, Title, Notes,
        [
            FunnelChart.Of("funnel", "The season's funnel", "signed up", await SeasonFunnelAsync(scope.SeasonId, facts, cancellation)),
            ByStreamChart(streams, facts),
        ]);
    }

    /// <summary>Each applicant's steps, from the general application to an accepted offer, read in narrow queries of the whole season.</summary>
    private async Task<IReadOnlyList<FunnelStep>> SeasonFunnelAsync(int seasonId, List<StreamApplicationFact> facts, CancellationToken cancellation)
    {
        var general = (await db.Applications.AsNoTracking()
                .Where(a => a.Form!.SeasonId == seasonId && a.Form.Kind == FormKind.General)
                .Select(a => new { a.ApplicantId, a.State, a.SubmittedAt })
                .ToListAsync(cancellation))
            .ToDictionary(a => a.ApplicantId);
        var hasAssessments = await AssessmentEntries.StagesOf(db, seasonId).AnyAsync(cancellation);

        // The pipeline shows an applicant's first entry when a season has several assessment stages; so does the funnel.
        var entries = (await AssessmentEntries.Of(db, seasonId).AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.ApplicantId, e.State }).ToListAsync(cancellation))
            .DistinctBy(e => e.ApplicantId).ToDictionary(e => e.ApplicantId, e => e.State);
        var attempted = (await db.Attempts.AsNoTracking()
                .Where(t => Invitations.AssessmentStageOf(db, seasonId).Any(x => x.Id == t.AssessmentId))
                .Select(t => t.ApplicantId).Distinct().ToListAsync(cancellation))
            .ToHashSet();
        var streams = facts.ToLookup(f => f.ApplicantId);
        var applicants = general.Keys.Concat(streams.Select(s => s.Key)).Distinct().Select(id =>
        {
            var application = general.GetValueOrDefault(id);
            return new Applicant(application?.State, application is not null && Submissions.Were(application.State, application.SubmittedAt), entries.TryGetValue(id, out var entry) ? entry : null,
                attempted.Contains(id), [.. streams[id]]);
        });

        (string Name, Func<Applicant, bool> Reached, Func<Applicant, Ending> Stopped)[] steps =
        [
            ("Signed up", a => a.General is not null, GeneralEnding),
            ("Stage 1 submitted", a => a.Submitted, GeneralEnding),
            .. hasAssessments
                ? new (string, Func<Applicant, bool>, Func<Applicant, Ending>)[]
                {
                    ("Stage 2 invited", a => a.Assessments is not null, AssessmentsEnding),
                    ("Attempted", a => a.Attempted, AssessmentsEnding),
                    ("Passed", a => a.Assessments == ApplicationState.Advanced, AssessmentsEnding),
                }
                : [],
            ("Stage 3 applied", a => a.Streams.Count > 0, a => StageThreeEnding.Of(a.Streams)),
            ("Interviewed", a => a.Streams.Any(s => s.Interviewed), a => StageThreeEnding.Of(a.Streams)),
            ("Offered", a => a.Streams.Any(s => s.Offered), a => StageThreeEnding.Of(a.Streams)),
            ("Accepted", a => a.Streams.Any(s => s.Accepted), a => StageThreeEnding.Of(a.Streams)),
        ];
        return FunnelStep.Tally(steps.Select(s => s.Name).ToList(), applicants.Select(a =>
        {
            var reached = steps.Select(s => s.Reached(a)).ToList();
            var furthest = reached.LastIndexOf(true);
            return new FunnelPath(reached, a.General == ApplicationState.Withdrawn || furthest < 0 ? Ending.Withdrew : steps[furthest].Stopped(a));
        }));
    }

    private static Ending GeneralEnding(Applicant applicant) => applicant.General == ApplicationState.Rejected ? Ending.Rejected : Ending.Waiting;

    private static Ending AssessmentsEnding(Applicant applicant) => applicant.Assessments == ApplicationState.Rejected ? Ending.Rejected : Ending.Waiting;

    /// <summary>One stream's funnel from stage 3 on: a person per application to it.</summary>
    private static IReadOnlyList<FunnelStep> StreamFunnel(IEnumerable<StreamApplicationFact> applications) =>
        FunnelStep.Tally(StreamSteps, applications.Select(a => new FunnelPath([true, a.Interviewed, a.Offered, a.Accepted], StageThreeEnding.Of([a]))));

    /// <summary>Each stream's funnel from stage 3 on, side by side, with who left each stream and how.</summary>
    private static Chart ByStreamChart(List<StreamSummary> streams, List<StreamApplicationFact> facts)
    {
        var byStream = facts.ToLookup(f => f.StreamId);
        var funnels = streams.Select(s => (Stream: s, Steps: StreamFunnel(byStream[s.Id]))).ToList();
        var figure = new BarFigure(
            funnels.Select(f => f.Stream.Label).ToList(),
            StreamSteps.Select((step, i) => new Series(step.ToLowerInvariant(), funnels.Select(f => (double)f.Steps[i].Reached).ToList())).ToList(),
            "applications");
        var table = new ChartTable(
            ["Stream", .. StreamSteps.Select(s => s.ToLowerInvariant()), "withdrew or declined", "rejected", "% of applications accepted"],
            funnels.Select(f => (IReadOnlyList<object?>)
            [
                f.Stream.Label, .. f.Steps.Select(s => (object?)s.Reached), f.Steps.Sum(s => s.Withdrew), f.Steps.Sum(s => s.Rejected),
                ChartCell.Percent(f.Steps[^1].Reached, f.Steps[0].Reached),
            ]).ToList());
        return new Chart("streams", "Each stream's funnel from stage 3 on",
            "For each stream, four bars: its submitted applications, the applicants who booked an interview, those offered a place and those who accepted. "
                + string.Join("; ", funnels.Select(f => $"{f.Stream.Label}: {string.Join(", ", f.Steps.Select(s => $"{s.Reached} {s.Name.ToLowerInvariant()}"))}")) + ".",
            figure, table, facts.Count == 0 ? "No stream application has been submitted in this season yet." : null);
    }
}
