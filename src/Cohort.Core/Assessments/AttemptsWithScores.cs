using System.Text.Json.Serialization;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Assessments;

/// <summary>
/// One answered item of an attempt: the points scored automatically, or the mean of its reviews for an item reviewers
/// score (null until someone has reviewed it).
/// </summary>
public sealed record ItemScore(int ItemId, double? AutoPoints, double? ReviewMean, int Reviews, [property: JsonIgnore] bool ReviewerScored)
{
    /// <summary>The item's points as they stand: automatic, or the reviews' mean.</summary>
    public double? Points => AutoPoints ?? ReviewMean;
}

/// <summary>
/// An attempt with its applicant and the score of each item: read by the <c>attempts</c> export and
/// <c>GET /api/v1/attempts</c> (scope applications:read). <see cref="ApplicationId"/> is the applicant's general
/// application in the season, the key every export shares; <see cref="Name"/> and <see cref="Email"/> are the admin's view.
/// </summary>
public sealed record AttemptWithScores(
    int Id, string ApplicantId, string? Name, string? Email, int? ApplicationId,
    int AssessmentId, string Assessment, string? Stream,
    DateTime StartedAt, DateTime Deadline, DateTime? SubmittedAt, DateTime? ClosedAt, double? AutoScore,
    IReadOnlyList<ItemScore> Items)
{
    /// <summary>Where the attempt's score stands, by the same rule as the score tables (<see cref="AttemptScore"/>).</summary>
    public AttemptScore Score => new(Id, AutoScore, Items.Sum(i => i.ReviewMean ?? 0), Items.Count(i => i.ReviewerScored && i.Reviews == 0));
}

/// <summary>Which attempts of a season to read: all, those at one assessment (by slug), or only the closed ones.</summary>
public sealed record AttemptFilter(int SeasonId, string? Assessment = null, bool? Closed = null);

/// <summary>The one query for attempts with their item scores, in id order after a given id: the API pages it, the export reads every page.</summary>
public static class AttemptsWithScores
{
    public static IQueryable<AttemptWithScores> After(CohortDbContext db, AttemptFilter filter, int afterId)
    {
        var reviewerScored = AttemptScores.ReviewerScored(db);
        return db.Attempts.AsNoTracking()
            .Where(x => x.Id > afterId && x.Assessment!.Track!.SeasonId == filter.SeasonId
                && (filter.Assessment == null || x.Assessment.Slug == filter.Assessment)
                && (filter.Closed == null || (x.ClosedAt != null) == filter.Closed))
            .OrderBy(x => x.Id)
            .Select(x => new AttemptWithScores(
                x.Id, x.ApplicantId,
                db.Users.Where(u => u.Id == x.ApplicantId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == x.ApplicantId).Select(u => u.Email).FirstOrDefault(),
                db.Applications.Where(a => a.ApplicantId == x.ApplicantId && a.Form!.SeasonId == filter.SeasonId && a.Form.Kind == FormKind.General)
                    .Select(a => (int?)a.Id).FirstOrDefault(),
                x.AssessmentId, x.Assessment!.Slug, x.Assessment.Stream != null ? x.Assessment.Stream.Slug : null,
                x.StartedAt, x.Deadline, x.SubmittedAt, x.ClosedAt, x.AutoScore,
                x.Answers.OrderBy(a => a.ItemId).Select(a => new ItemScore(
                    a.ItemId, a.AutoPoints,
                    db.AnswerReviews.Where(r => r.AnswerId == a.Id).Average(r => (double?)r.Points),
                    db.AnswerReviews.Count(r => r.AnswerId == a.Id),
                    reviewerScored.Any(r => r.Id == a.Id))).ToList()));
    }
}
