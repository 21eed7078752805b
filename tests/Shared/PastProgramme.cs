using System.Runtime.CompilerServices;
using Cohort.Core.Applications;
using Cohort.Core.Artifacts;
using Cohort.Core.Data;
using Cohort.Core.Extensions;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Tests.Shared;

/// <summary>What <see cref="PastProgramme.SeedAsync"/> wrote, for tests to look for.</summary>
/// <param name="Fellow">The first fellowship: on time, signed off at risk (their latest assessment) with a comment naming them, extended.</param>
/// <param name="Other">The second fellowship: late, a check-in off track (their latest), its extension in this round rejected.</param>
public sealed record ProgrammeSeed(
    int SeasonId, string Season, ProgrammeFellow Fellow, ProgrammeFellow Other, int ResearchPlanId, int FinalArtifactId, int ExtensionMilestoneId, int RoundId,
    int PublicArtifactId, IReadOnlyList<int> HiddenArtifactIds, string MentorName, string OutsideAuthor)
{
    public const string PublicTitle = "Probing reward hacking in small models";
    public const string DraftTitle = "Draft notes on sparse probes";
    public const string UnconfirmedTitle = "An unconfirmed evaluation suite";
    public const string PrivateTitle = "A confirmed report kept private";
}

public sealed record ProgrammeFellow(int FellowshipId, string ApplicantId, string Name, string Email);

/// <summary>
/// Programme rows written straight into a season that has fellows (the demo's past season): milestones with a file
/// submission, a late one and a sign-off, a check-in, four artifacts of which exactly one passes the showcase rule,
/// and an extension round with a file question, two applications and endorsements. For the programme's exports, API
/// reads and season archive, which read what lanes A to C's use cases write.
/// </summary>
public static class PastProgramme
{
    /// <summary>Last year's season in the demo, whose offers were all accepted: a cohort of fellows.</summary>
    public const string PastSeason = "2026";

    private static readonly ConditionalWeakTable<object, Task<ProgrammeSeed>> Seeded = [];

    /// <summary>The rows <paramref name="seed"/> writes, written once per database fixture (which a test class's tests share).</summary>
    public static Task<ProgrammeSeed> OnceAsync(object fixture, Func<Task<ProgrammeSeed>> seed) => Seeded.GetValue(fixture, _ => seed());

    public static async Task<ProgrammeSeed> SeedAsync(CohortDbContext db, string seasonSlug, DateTime now)
    {
        var season = await db.Seasons.SingleAsync(s => s.Slug == seasonSlug);
        var fellowships = await db.Fellowships.Where(f => f.SeasonId == season.Id).OrderBy(f => f.Id).Take(2).ToListAsync();
        var fellows = new List<ProgrammeFellow>();
        foreach (var f in fellowships)
        {
            var user = await db.Users.SingleAsync(u => u.Id == f.ApplicantId);
            fellows.Add(new(f.Id, f.ApplicantId, user.DisplayName, user.Email!));
        }

        var (fellow, other) = (fellows[0], fellows[1]);
        var mentors = await db.Mentors.Where(m => m.SeasonId == season.Id && m.Streams.Any(s => s.StreamId == fellowships[0].StreamId)).OrderBy(m => m.Id).ToListAsync();
        var mentor = mentors[0];
        var secondMentor = await db.Mentors.Where(m => m.SeasonId == season.Id && m.Id != mentor.Id).OrderBy(m => m.Id).FirstAsync();

        StoredFile Pdf(string owner, string name) => new()
        {
            OwnerId = owner, FileName = name, ContentType = "application/pdf", Content = "%PDF-1.4 programme"u8.ToArray(), Length = 18, UploadedAt = now.AddDays(-40),
        };
        var planFile = Pdf(fellow.ApplicantId, $"plan-{fellow.Name}.pdf");
        var lateFile = Pdf(other.ApplicantId, "plan.pdf");
        var artifactPdf = Pdf(fellow.ApplicantId, "reward-hacking.pdf");
        var answerFile = Pdf(fellow.ApplicantId, "extension-plan.pdf");
        db.StoredFiles.AddRange(planFile, lateFile, artifactPdf, answerFile);

        var round = new ExtensionRound
        {
            SeasonId = season.Id, Name = "Extension (programme data)", OpensAt = now.AddDays(-20), ClosesAt = now.AddDays(-10), Seats = 1, Budget = 8000,
            Currency = "GBP", ExtendsUntil = DateOnly.FromDateTime(now.AddDays(90)),
        };
        round.Questions.Add(new ExtensionQuestion { Position = 1, Key = "plan", Prompt = "Your plan for the extension", Kind = QuestionKind.File, Required = true });
        db.ExtensionRounds.Add(round);

        var plan = new Milestone { SeasonId = season.Id, Title = "Research plan", DueAt = now.AddDays(-30), Submission = SubmissionKind.File, RequiresSignOff = true };
        var final = new Milestone { SeasonId = season.Id, Title = "Final artifact", DueAt = now.AddDays(10), Submission = SubmissionKind.Link };
        db.Milestones.AddRange(plan, final);
        await db.SaveChangesAsync();
        var extension = new Milestone { SeasonId = season.Id, Title = "Extension report", DueAt = now.AddDays(60), Submission = SubmissionKind.Text, ExtensionRoundId = round.Id };
        db.Milestones.Add(extension);

        db.MilestoneSubmissions.AddRange(
            new MilestoneSubmission { MilestoneId = plan.Id, FellowshipId = fellow.FellowshipId, FileId = planFile.Id, SubmittedAt = now.AddDays(-31) },
            new MilestoneSubmission { MilestoneId = plan.Id, FellowshipId = other.FellowshipId, FileId = lateFile.Id, SubmittedAt = now.AddDays(-28) },
            new MilestoneSubmission { MilestoneId = final.Id, FellowshipId = fellow.FellowshipId, Link = "https://example.org/final", SubmittedAt = now.AddDays(-1) });
        db.CheckIns.AddRange(
            new CheckIn { FellowshipId = fellow.FellowshipId, MentorId = mentor.Id, MilestoneId = plan.Id, Assessment = Assessment.AtRisk, Comment = $"{fellow.Name} must narrow the plan.", At = now },
            new CheckIn { FellowshipId = other.FellowshipId, MentorId = mentor.Id, Assessment = Assessment.OffTrack, Comment = "No results yet.", At = now });

        Artifact Artifact(string title, ArtifactState state, bool show, bool confirmed) => new()
        {
            SeasonId = season.Id, StreamId = fellowships[0].StreamId, Kind = ArtifactKind.Paper, Title = title, Abstract = "An abstract.", ArxivId = "2601.01234",
            Doi = "10.5555/cohort.programme", Licence = "CC-BY-4.0", State = state, ShowPublicly = show, ConfirmedByMentorId = confirmed ? mentor.Id : null,
            ConfirmedAt = confirmed ? now.AddDays(-3) : null, RecordedById = fellow.ApplicantId, CreatedAt = now.AddDays(-20), UpdatedAt = now.AddDays(-3),
        };
        var shown = Artifact(ProgrammeSeed.PublicTitle, ArtifactState.Published, show: true, confirmed: true);
        shown.PdfFileId = artifactPdf.Id;
        shown.Authors.Add(new ArtifactAuthor { Position = 1, FellowshipId = fellow.FellowshipId });
        shown.Authors.Add(new ArtifactAuthor { Position = 2, Name = "Grace Outsider" });
        shown.Authors.Add(new ArtifactAuthor { Position = 3, MentorId = mentor.Id });
        var hidden = new[]
        {
            Artifact(ProgrammeSeed.DraftTitle, ArtifactState.Draft, show: true, confirmed: true),
            Artifact(ProgrammeSeed.UnconfirmedTitle, ArtifactState.Published, show: true, confirmed: false),
            Artifact(ProgrammeSeed.PrivateTitle, ArtifactState.Submitted, show: false, confirmed: true),
        };
        foreach (var artifact in hidden)
        {
            artifact.Authors.Add(new ArtifactAuthor { Position = 1, FellowshipId = other.FellowshipId });
        }

        db.Artifacts.Add(shown);
        db.Artifacts.AddRange(hidden);

        var accepted = new ExtensionApplication { RoundId = round.Id, FellowshipId = fellow.FellowshipId, State = ApplicationState.Advanced, RequestedAmount = 5000, SubmittedAt = now.AddDays(-15), UpdatedAt = now.AddDays(-8) };
        accepted.Answers.Add(new ExtensionAnswer { QuestionId = round.Questions[0].Id, Value = answerFile.FileName, FileId = answerFile.Id });
        accepted.Endorsements.Add(new ExtensionEndorsement { MentorId = mentor.Id, Rating = 5, Comment = "Strongly.", At = now.AddDays(-12) });
        accepted.Endorsements.Add(new ExtensionEndorsement { MentorId = secondMentor.Id, Rating = 4, Comment = "Yes.", At = now.AddDays(-12) });
        var rejected = new ExtensionApplication { RoundId = round.Id, FellowshipId = other.FellowshipId, State = ApplicationState.Rejected, RequestedAmount = 6000, SubmittedAt = now.AddDays(-14), UpdatedAt = now.AddDays(-8) };
        rejected.Answers.Add(new ExtensionAnswer { QuestionId = round.Questions[0].Id, Value = "" });
        db.ExtensionApplications.AddRange(accepted, rejected);
        await db.SaveChangesAsync();

        return new ProgrammeSeed(season.Id, season.Slug, fellow, other, plan.Id, final.Id, extension.Id, round.Id, shown.Id, hidden.Select(a => a.Id).ToList(), mentor.Name, "Grace Outsider");
    }
}
