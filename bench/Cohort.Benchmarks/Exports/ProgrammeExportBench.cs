using System.Text.Json;
using Cohort.Benchmarks.Applications;
using Cohort.Benchmarks.Match;
using Cohort.Core.Applications;
using Cohort.Core.Artifacts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Exports;
using Cohort.Core.Extensions;
using Cohort.Core.Match;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Benchmarks.Exports;

/// <summary>
/// The programme's four exports over a cohort far above a real one: every applicant of the match-run bench's season made
/// a fellow of their first stream, ten milestones (five signed off) with a text submission each, two artifacts a fellow
/// with a three-name byline, and an extension round every other fellow applied to with two endorsements. Each kind
/// written as JSON three times, through <see cref="Exporter"/> as the admin page, the CLI and the API run it.
/// </summary>
internal static class ProgrammeExportBench
{
    private const int Milestones = 10;

    public static async Task<int> RunAsync(int fellows, string? postgres)
    {
        Console.WriteLine($"programme exports on {(postgres is null ? "SQLite" : "PostgreSQL")}: {fellows} fellows, {Milestones} milestones, {2 * fellows} artifacts, {fellows / 2} extension applications");
        await using var database = await RushDatabase.CreateAsync(postgres);
        await database.RunAsync<CohortDbContext, int>(db => CohortAsync(db, fellows));
        await ExportTimings.PrintAsync(database, new[] { ("fellows", ExportView.Identified), ("milestones", ExportView.Identified), ("milestones", ExportView.Blind), ("artifacts", ExportView.Identified), ("extensions", ExportView.Identified) });
        return 0;
    }

    private static async Task<int> CohortAsync(CohortDbContext db, int fellows)
    {
        await MatchRunBench.SeasonAsync(db, fellows, 120, new Random(17));
        var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
        var mentors = await db.Mentors.Where(m => m.SeasonId == season.Id).OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync();
        var now = DateTime.UtcNow;
        var run = new MatchRun
        {
            SeasonId = season.Id, CreatedAt = now, CreatedBy = "bench", PublishedAt = now, InputJson = JsonSerializer.Serialize(new MatchInput([], [])),
            ResultJson = JsonSerializer.Serialize(new MatchResult([], [], new MatchCertificate(true, true, 0))),
        };
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync();

        var firstChoices = (await db.StreamApplications.Where(a => a.Stream!.Track!.SeasonId == season.Id).OrderBy(a => a.Id).Select(a => new { a.Id, a.ApplicantId, a.StreamId }).ToListAsync())
            .GroupBy(a => a.ApplicantId).Select(g => g.First()).ToList();
        var offers = firstChoices.Select(a => new Offer
        {
            RunId = run.Id, SeasonId = season.Id, StreamId = a.StreamId, StreamApplicationId = a.Id, ApplicantId = a.ApplicantId, State = OfferState.Accepted,
            CreatedAt = now.AddDays(-90), RespondBy = now.AddDays(-87), RespondedAt = now.AddDays(-88),
        }).ToList();
        db.Offers.AddRange(offers);
        await db.SaveChangesAsync();
        var cohort = offers.Select(o => new Fellowship
        {
            SeasonId = season.Id, StreamId = o.StreamId, OfferId = o.Id, StreamApplicationId = o.StreamApplicationId, ApplicantId = o.ApplicantId,
            StartedAt = now.AddDays(-80), EndsOn = DateOnly.FromDateTime(now.AddDays(10)),
        }).ToList();
        db.Fellowships.AddRange(cohort);
        var milestones = Enumerable.Range(1, Milestones).Select(i => new Milestone
        {
            SeasonId = season.Id, Title = $"Milestone {i}", DueAt = now.AddDays((i * 8) - 80), Submission = SubmissionKind.Text, RequiresSignOff = i % 2 == 0,
        }).ToList();
        db.Milestones.AddRange(milestones);
        var round = new ExtensionRound { SeasonId = season.Id, Name = "Extension", OpensAt = now.AddDays(-20), ClosesAt = now.AddDays(-10), Seats = fellows / 4, Budget = fellows * 1000, ExtendsUntil = DateOnly.FromDateTime(now.AddDays(90)) };
        db.ExtensionRounds.Add(round);
        await db.SaveChangesAsync();

        foreach (var (fellow, index) in cohort.Select((f, i) => (f, i)))
        {
            foreach (var milestone in milestones)
            {
                db.MilestoneSubmissions.Add(new MilestoneSubmission { MilestoneId = milestone.Id, FellowshipId = fellow.Id, Text = "A page of progress. " + new string('x', 2000), SubmittedAt = milestone.DueAt.AddHours(index % 3 == 0 ? 5 : -5) });
                if (milestone.RequiresSignOff)
                {
                    db.CheckIns.Add(new CheckIn { FellowshipId = fellow.Id, MilestoneId = milestone.Id, MentorId = mentors[0], Assessment = (Assessment)(index % 3), Comment = $"Rush Applicant {index} is progressing; see https://example.org/{index}.", At = milestone.DueAt.AddDays(1) });
                }
            }

            for (var n = 0; n < 2; n++)
            {
                var artifact = new Artifact
                {
                    SeasonId = season.Id, StreamId = fellow.StreamId, Kind = (ArtifactKind)(index % 5), Title = $"Artifact {index}.{n}", Abstract = "An abstract of a few lines.",
                    Doi = $"10.5555/bench.{index}.{n}", Licence = "CC-BY-4.0", State = ArtifactState.Published, ShowPublicly = n == 0, ConfirmedByMentorId = mentors[0],
                    ConfirmedAt = now.AddDays(-2), RecordedById = fellow.ApplicantId, CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-2),
                };
                artifact.Authors.Add(new ArtifactAuthor { Position = 1, FellowshipId = fellow.Id });
                artifact.Authors.Add(new ArtifactAuthor { Position = 2, MentorId = mentors[0] });
                artifact.Authors.Add(new ArtifactAuthor { Position = 3, Name = "An Outside Author" });
                db.Artifacts.Add(artifact);
            }

            if (index % 2 == 0)
            {
                var application = new ExtensionApplication { RoundId = round.Id, FellowshipId = fellow.Id, State = index % 4 == 0 ? ApplicationState.Advanced : ApplicationState.Rejected, RequestedAmount = 1000, SubmittedAt = now.AddDays(-12), UpdatedAt = now.AddDays(-8) };
                application.Endorsements.AddRange(mentors.Select(m => new ExtensionEndorsement { MentorId = m, Rating = 1 + (index % 5), At = now.AddDays(-11) }));
                db.ExtensionApplications.Add(application);
            }

            if (index % 100 == 99)
            {
                await db.SaveChangesAsync();
            }
        }

        await db.SaveChangesAsync();
        return 0;
    }
}
