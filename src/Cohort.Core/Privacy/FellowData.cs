using Cohort.Core.Applications;
using Cohort.Core.Artifacts;
using Cohort.Core.Data;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Privacy;

/// <summary>
/// A fellow's part of their data download: each fellowship with what they handed in, what their mentors assessed (the
/// fellow reads it on their page already; the mentor is not named, as reviewers are not), the artifacts naming them and
/// their extension applications with their answers. Endorsements are the mentors' words to the programme team, so only
/// their count travels, as review comments do not.
/// </summary>
public static class FellowData
{
    public static async Task<List<FellowshipData>> CollectAsync(CohortDbContext db, string applicantId, CancellationToken cancellation)
    {
        var fellowships = await db.Fellowships.AsNoTracking().Where(f => f.ApplicantId == applicantId).OrderBy(f => f.Id).ToListAsync(cancellation);
        var result = new List<FellowshipData>();
        foreach (var fellowship in fellowships)
        {
            var season = await db.Seasons.Where(s => s.Id == fellowship.SeasonId).Select(s => s.Name).SingleAsync(cancellation);
            var stream = await db.Streams.Where(s => s.Id == fellowship.StreamId).Select(s => s.Name).SingleAsync(cancellation);
            var submissions = await db.MilestoneSubmissions.AsNoTracking().Where(s => s.FellowshipId == fellowship.Id).OrderBy(s => s.Id)
                .Join(db.Milestones, s => s.MilestoneId, m => m.Id, (s, m) => new SubmissionData(m.Title, s.Text, s.Link,
                    db.StoredFiles.Where(f => f.Id == s.FileId).Select(f => f.FileName).FirstOrDefault(), s.SubmittedAt))
                .ToListAsync(cancellation);
            var assessments = await db.CheckIns.AsNoTracking().Where(c => c.FellowshipId == fellowship.Id).OrderBy(c => c.At)
                .Select(c => new AssessmentData(db.Milestones.Where(m => m.Id == c.MilestoneId).Select(m => m.Title).FirstOrDefault(), c.Assessment, c.Comment, c.At))
                .ToListAsync(cancellation);
            var artifacts = (await ArtifactViews.LoadAsync(db, ArtifactScope.OfFellowship(db, fellowship.Id), cancellation))
                .Select(a => new ArtifactData(a.Title, a.Kind, a.State, a.Byline, a.ShowPublicly, a.ConfirmedAt)).ToList();
            var extensions = await db.ExtensionApplications.AsNoTracking().Where(a => a.FellowshipId == fellowship.Id).OrderBy(a => a.Id)
                .Select(a => new ExtensionData(db.ExtensionRounds.Where(r => r.Id == a.RoundId).Select(r => r.Name).Single(), a.State, a.RequestedAmount, a.SubmittedAt,
                    a.Answers.Join(db.ExtensionQuestions, x => x.QuestionId, q => q.Id, (x, q) => new AnswerData(q.Prompt, x.Value, null)).ToList(),
                    a.Endorsements.Count))
                .ToListAsync(cancellation);
            result.Add(new(season, stream, fellowship.StartedAt, fellowship.EndsOn, submissions, assessments, artifacts, extensions));
        }

        return result;
    }
}

public sealed record FellowshipData(string Season, string Stream, DateTime StartedAt, DateOnly EndsOn, IReadOnlyList<SubmissionData> Submissions,
    IReadOnlyList<AssessmentData> Assessments, IReadOnlyList<ArtifactData> Artifacts, IReadOnlyList<ExtensionData> Extensions);
public sealed record SubmissionData(string Milestone, string Text, string Link, string? FileName, DateTime SubmittedAt);
public sealed record AssessmentData(string? Milestone, Assessment Assessment, string Comment, DateTime At);
public sealed record ArtifactData(string Title, ArtifactKind Kind, ArtifactState State, string Byline, bool ShowPublicly, DateTime? ConfirmedAt);
public sealed record ExtensionData(string Round, ApplicationState State, int RequestedAmount, DateTime? SubmittedAt, IReadOnlyList<AnswerData> Answers, int Endorsements);
