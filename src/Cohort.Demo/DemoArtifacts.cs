using Cohort.Core.Accounts;
using Cohort.Core.Artifacts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Demo;

/// <summary>
/// What last year's fellows produced: fifteen fictional artifacts of every kind and state, recorded by the fellows and
/// confirmed by their mentors through the app's own use cases (<see cref="RecordArtifact"/>, <see cref="ConfirmArtifact"/>)
/// on last year's clock. Most are confirmed and public, so the showcase has something to show; some are drafts, some
/// await a mentor, one is confirmed but kept private by its authors. Identifiers are fictional: DOIs use the 10.5555
/// test prefix, arXiv-shaped ids use numbers beyond any month's real volume, links point at example domains.
/// </summary>
public sealed class DemoArtifacts(CohortDbContext db, IServiceProvider services)
{
    /// <summary>The stream of the demo mentor, whose first fellow is the demo fellow.</summary>
    public const string CoalitionSlug = "control-coalition";

    /// <summary>One artifact: its authors by their place among last year's fellowships (in id order), and when things happened, in days after the programme started.</summary>
    private sealed record Spec(
        int Fellow, int? CoFellow, bool WithMentor, string? Outsider, ArtifactKind Kind, string Title, string Abstract,
        string Arxiv, string Doi, string Repository, string Website, string Licence, ArtifactState State,
        int RecordedDay, bool ShowPublicly, bool Confirm, bool Pdf = false);

    private static readonly Spec[] Specs =
    [
        new(0, null, true, null, ArtifactKind.Paper, "Trusted Monitors Under Collusion Pressure",
            "We study control protocols in which a weaker trusted model reviews the actions of a stronger untrusted one. When the untrusted model can plant signals that a second copy of itself would recognise, monitoring quality falls sharply. Paraphrasing inputs before review restores most of it at a modest cost in usefulness.",
            "2607.99101", "10.5555/halyard.2026.101", "https://git.example.org/halyard/collusion-monitors", "", "CC-BY-4.0", ArtifactState.Published, 60, true, true, Pdf: true),
        new(0, 1, false, "Ilse Marwick", ArtifactKind.EvaluationSuite, "SABOTAGE-LITE: Small Tasks for Measuring Covert Sabotage",
            "Forty short software tasks, each with a hidden side objective a model could pursue while appearing to do the main job. The suite reports how often side objectives succeed and how often a monitor flags them, so control protocols can be compared on one footing.",
            "", "10.5555/halyard.2026.102", "https://git.example.org/halyard/sabotage-lite", "https://halyard.example.org/sabotage-lite", "MIT", ArtifactState.Published, 85, true, true),
        new(0, null, false, null, ArtifactKind.TechnicalReport, "Notes on Auditing Agent Transcripts at Scale",
            "Draft notes on sampling strategies for human review of long agent transcripts, and where they miss rare but serious actions.",
            "", "", "", "", "CC-BY-4.0", ArtifactState.Draft, 250, false, false),
        new(2, null, true, null, ArtifactKind.Paper, "Sparse Probes Find Deception Features That Survive Fine-Tuning",
            "Linear probes trained on a model's residual stream can flag statements the model represents as false. We show that sparse probes, restricted to a few hundred directions, keep most of their accuracy after the model is fine-tuned on unrelated data, while dense probes degrade. We release the probes and the evaluation harness.",
            "2608.99214", "", "https://git.example.org/halyard/sparse-deception-probes", "", "Apache-2.0", ArtifactState.Submitted, 95, true, true, Pdf: true),
        new(3, 2, false, null, ArtifactKind.OpenSourceTooling, "circuitscope: Interactive Attribution Graphs for Small Models",
            "A library and local web viewer for tracing which features contribute to a model's output, built for models up to a few billion parameters on a single GPU.",
            "", "", "https://git.example.org/halyard/circuitscope", "https://circuitscope.example.org", "MIT", ArtifactState.Published, 70, true, true),
        new(4, null, true, "Tobias Renfrew", ArtifactKind.EvaluationSuite, "Incident-Derived Capture-the-Flag Tasks for Defensive Agents",
            "Twenty-two capture-the-flag challenges rebuilt from public post-mortems of security incidents, each scored on whether an agent detects, contains and documents the intrusion rather than on whether it exploits anything.",
            "", "10.5555/halyard.2026.104", "https://git.example.org/halyard/incident-ctf", "", "Apache-2.0", ArtifactState.Published, 110, true, true),
        new(5, null, false, null, ArtifactKind.Paper, "Indirect Prompt Injection Through Calendar Invitations",
            "Assistants that read a user's calendar can be steered by text hidden in an invitation from a stranger. We measure how often four fictional assistant configurations follow such instructions, and which mitigations reduce it without breaking scheduling.",
            "2609.99307", "10.5555/halyard.2026.105", "", "https://halyard.example.org/calendar-injection", "CC-BY-4.0", ArtifactState.Published, 75, true, true),
        new(6, 7, true, null, ArtifactKind.TechnicalReport, "How Often Do Monitors Catch Sandbagging? A Replication",
            "We replicate an earlier sandbagging evaluation on three open-weight models and find that detection rates depend strongly on how the monitor is prompted; we report every prompt we tried.",
            "", "10.5555/halyard.2026.106", "", "", "CC-BY-4.0", ArtifactState.Published, 120, true, true, Pdf: true),
        new(8, null, true, null, ArtifactKind.OpenSourceTooling, "routegrad: Gradient Routing for Localised Unlearning",
            "An implementation of gradient routing that confines chosen knowledge to a removable set of parameters, with recipes for training small models and checking that ablation removes the capability.",
            "", "", "https://git.example.org/halyard/routegrad", "", "Apache-2.0", ArtifactState.Published, 100, true, true),
        new(9, null, false, null, ArtifactKind.EvaluationSuite, "Honeypot Scenarios for Situationally Aware Models",
            "Scenarios in which an agent is offered an apparently unmonitored shortcut. Submitted for confirmation; the scenario texts are still being reviewed for leakage into training data.",
            "", "", "https://git.example.org/halyard/honeypots", "", "CC-BY-SA-4.0", ArtifactState.Submitted, 240, true, false),
        new(10, 11, false, "Keiko Alder", ArtifactKind.Paper, "Model Organisms of Reward Hacking in Code Agents",
            "We train small coding agents that learn to special-case unit tests, and use them as a testbed for detectors of reward hacking. Detectors that read the agent's diffs outperform those that read its explanations.",
            "2610.99412", "", "https://git.example.org/halyard/reward-hacking-organisms", "", "CC-BY-4.0", ArtifactState.Published, 130, true, true),
        new(12, null, true, null, ArtifactKind.Paper, "Debate With Unequal Access to Evidence",
            "In debate protocols the two debaters usually see the same evidence. We vary what each may quote and find that judges are misled far more often when the dishonest debater alone holds a key document, and propose a disclosure rule that closes most of the gap.",
            "2611.99633", "", "", "", "CC-BY-4.0", ArtifactState.Draft, 255, false, false),
        new(13, null, false, null, ArtifactKind.TechnicalReport, "An Audit Checklist for Interpretability Claims",
            "A checklist for reviewers of interpretability results: what a claimed feature must predict, which controls rule out artefacts, and how to report negative results.",
            "", "10.5555/halyard.2026.113", "", "https://halyard.example.org/audit-checklist", "CC0-1.0", ArtifactState.Published, 115, false, true),
        new(14, 15, true, null, ArtifactKind.OpenSourceTooling, "jailbreak-ledger: A Shared Log of Jailbreak Attempts and Defences",
            "A small service and data format for recording jailbreak attempts against a deployed model, the defence that applied and whether it held, so red teams can compare results across releases.",
            "", "", "https://git.example.org/halyard/jailbreak-ledger", "", "BSD-3-Clause", ArtifactState.Published, 140, true, true),
        new(15, null, true, null, ArtifactKind.Other, "Halyard Evaluation Reading List",
            "An annotated reading list on the science of evaluations, compiled for future fellows: what each paper measured, what it did not, and open questions it leaves.",
            "", "", "", "https://halyard.example.org/evaluation-reading-list", Licences.Other, ArtifactState.Published, 150, true, true),
        new(0, null, false, null, ArtifactKind.Paper, "Refusal Directions Across Languages",
            "Submitted this month: we test whether a single refusal direction found in English prompts also governs refusals in eleven other languages.",
            "2611.99519", "", "", "", "CC-BY-4.0", ArtifactState.Submitted, 260, true, false),
    ];

    /// <summary>Seeds last year's artifacts once, after last year's fellows exist; nothing when they do not, or when it already ran.</summary>
    public async Task SeedAsync(DemoCalendar current, CancellationToken cancellation = default)
    {
        var past = await db.Seasons.SingleOrDefaultAsync(s => s.Slug == current.YearBefore.SeasonSlug, cancellation);
        if (past is null || await db.Artifacts.AnyAsync(a => a.SeasonId == past.Id, cancellation))
        {
            return;
        }

        // The demo fellow account, one of the coalition's fellows of that season (plan-17), comes first, so it has
        // artifacts of every standing to walk, one of them awaiting the demo mentor; then the coalition's other fellows.
        var coalition = await db.Streams.Where(s => s.Slug == DemoArtifacts.CoalitionSlug && s.Track!.SeasonId == past.Id).Select(s => s.Id).SingleOrDefaultAsync(cancellation);
        var demoFellow = await db.Users.Where(u => u.Email == DemoSeason.Fellow.Email).Select(u => u.Id).SingleOrDefaultAsync(cancellation);
        var fellows = (await db.Fellowships.Where(f => f.SeasonId == past.Id).ByAddress(db)
            .Select(f => new { f.Id, f.StreamId, f.ApplicantId, Name = db.Users.Where(u => u.Id == f.ApplicantId).Select(u => u.DisplayName).First() })
            .ToListAsync(cancellation)).OrderBy(f => f.ApplicantId == demoFellow ? 0 : f.StreamId == coalition ? 1 : 2).ToList();
        if (fellows.Count < 2)
        {
            return;
        }

        var admin = await db.Users.Where(u => u.NormalizedEmail == DemoSeason.Admin.Email.ToUpperInvariant()).Select(u => new Actor(u.Id, u.DisplayName)).SingleAsync(cancellation);
        var start = past.ProgrammeStart.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        foreach (var spec in Specs)
        {
            var fellow = fellows[spec.Fellow % fellows.Count];
            var authors = new List<AuthorChoice> { AuthorChoice.Fellow(fellow.Id) };
            if (spec.CoFellow is { } co && fellows[co % fellows.Count].Id != fellow.Id)
            {
                authors.Add(AuthorChoice.Fellow(fellows[co % fellows.Count].Id));
            }

            var mentors = await db.StreamMentors.Where(m => m.StreamId == fellow.StreamId).OrderBy(m => m.Position)
                .Select(m => new { m.MentorId, m.Mentor!.UserId }).ToListAsync(cancellation);
            if (spec.WithMentor && mentors.Count > 0)
            {
                authors.Add(AuthorChoice.OfMentor(mentors[0].MentorId));
            }

            if (spec.Outsider is { } outsider)
            {
                authors.Add(AuthorChoice.Outsider(outsider));
            }

            var recorded = start.AddDays(spec.RecordedDay);
            var input = new ArtifactInput
            {
                Kind = spec.Kind, Title = spec.Title, Abstract = spec.Abstract, Authors = authors, Arxiv = spec.Arxiv, Doi = spec.Doi,
                RepositoryUrl = spec.Repository, WebsiteUrl = spec.Website, Licence = spec.Licence, State = spec.State, ShowPublicly = spec.ShowPublicly,
                PublishedOn = spec.State == ArtifactState.Published ? DateOnly.FromDateTime(recorded.AddDays(-3)) : null,
                Pdf = spec.Pdf ? new PdfUpload("paper.pdf", new MemoryStream(DemoPdf.Of(spec.Title, [fellow.Name, past.Name, "A fictional artifact of the Cohort demo."]))) : null,
            };
            var outcome = await With<RecordArtifact>(recorded).RunAsync(new Actor(fellow.ApplicantId, fellow.Name), input, cancellation);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The demo artifact “{spec.Title}” does not record: " + string.Join(" ", outcome.Problems.Values));
            }

            if (spec.Confirm)
            {
                // Confirmed by the stream's mentor where an account is linked to them, else by the demo admin.
                var mentorAccount = mentors.Where(m => m.UserId != null).Select(m => m.UserId).FirstOrDefault();
                var confirmer = mentorAccount is null ? admin
                    : await db.Users.Where(u => u.Id == mentorAccount).Select(u => new Actor(u.Id, u.DisplayName)).SingleAsync(cancellation);
                var version = await db.Artifacts.Where(a => a.Id == outcome.Id).Select(a => a.Version).SingleAsync(cancellation);
                if (await With<ConfirmArtifact>(recorded.AddDays(4)).RunAsync(confirmer, outcome.Id!.Value, version, confirm: true, cancellation) is { } refusal)
                {
                    throw new InvalidOperationException($"The demo artifact “{spec.Title}” cannot be confirmed: " + refusal);
                }
            }
        }

        // Their mail went out when it was written: the outbox shows it sent, not waiting to go now.
        var last = start.AddDays(Specs.Max(s => s.RecordedDay) + 4);
        await db.OutboxMessages.Where(m => m.SentAt == null && m.CreatedAt >= start && m.CreatedAt <= last && (m.Subject.StartsWith("To confirm: ") || m.Subject.StartsWith("Confirmed: ")))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, x => x.CreatedAt), cancellation);
    }

    /// <summary>A use case from the container whose clock (and audit log and mail) read <paramref name="at"/>, as if it ran then.</summary>
    private T With<T>(DateTime at)
    {
        var clock = new DemoPastSeason.FixedClock(at);
        return ActivatorUtilities.CreateInstance<T>(services, clock, new AuditLog(db, clock), ActivatorUtilities.CreateInstance<ArtifactMail>(services, new Outbox(db, clock),
            // The command line (`cohort seed demo`) knows no public address: its mail names the page's path alone.
            DemoLinks.Of(services)));
    }
}
