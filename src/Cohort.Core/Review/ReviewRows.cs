using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>Which submitted reviews a read selects; null means any.</summary>
public sealed record ReviewFilter(int? SeasonId = null, int? RoundId = null, StageKind? Stage = null, int? StreamId = null, string? ReviewerId = null);

/// <summary>A reviewer's mark on one criterion of the round's rubric.</summary>
public sealed record CriterionMark(int CriterionId, string Criterion, int Value);

/// <summary>
/// One submitted review: its round, its subject (the general application at stages 1 and 2, the stream application
/// at stage 3), the reviewer, their mark per criterion in the rubric's order, the recommendation, the overall score and
/// the comment. <see cref="ApplicantId"/> is for identified views to look the applicant up; reads never show it.
/// </summary>
public sealed record ReviewRow(
    int Id, int SeasonId, int RoundId, string Round, StageKind Stage, int? StreamId, int RubricId, int SubjectId, string ApplicantId,
    string ReviewerId, string Reviewer, IReadOnlyList<CriterionMark> Marks, Recommendation Recommendation, double Overall, string Comment,
    DateTime SubmittedAt, DateTime UpdatedAt);

/// <summary>
/// The one query of submitted reviews, paged by review id: the API's <c>/api/v1/reviews</c> reads a page, the reviews
/// export reads them all. Declined and unanswered assignments are not reviews.
/// </summary>
public static class ReviewRows
{
    /// <summary>What a round of <paramref name="stage"/> reviews, as reads name it: "application" (the general application, stages 1 and 2), "stream-application" or "extension-application".</summary>
    public static string SubjectKind(StageKind stage) => stage switch
    {
        StageKind.Streams => "stream-application",
        StageKind.Extension => "extension-application",
        _ => "application",
    };

    public static async Task<IReadOnlyList<ReviewRow>> PageAsync(CohortDbContext db, ReviewFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var rows = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.Review != null && a.Review.Id > afterId)
            .Where(a => filter.SeasonId == null || a.Round!.SeasonId == filter.SeasonId)
            .Where(a => filter.RoundId == null || a.RoundId == filter.RoundId)
            .Where(a => filter.Stage == null || a.Round!.Stage == filter.Stage)
            .Where(a => filter.StreamId == null || a.Round!.StreamId == filter.StreamId)
            .Where(a => filter.ReviewerId == null || a.ReviewerId == filter.ReviewerId)
            .OrderBy(a => a.Review!.Id)
            .Take(take)
            .Select(a => new
            {
                a.Review!.Id, a.Round!.SeasonId, a.RoundId, Round = a.Round.Name, a.Round.Stage, a.Round.StreamId, a.Round.RubricId, a.SubjectId,
                ApplicantId = a.Round.Stage == StageKind.Streams
                    ? db.StreamApplications.Where(s => s.Id == a.SubjectId).Select(s => s.ApplicantId).FirstOrDefault()
                    : a.Round.Stage == StageKind.Extension
                    ? db.ExtensionApplications.Where(x => x.Id == a.SubjectId).Join(db.Fellowships, x => x.FellowshipId, f => f.Id, (x, f) => f.ApplicantId).FirstOrDefault()
                    : db.Applications.Where(g => g.Id == a.SubjectId).Select(g => g.ApplicantId).FirstOrDefault(),
                a.ReviewerId, Reviewer = db.Users.Where(u => u.Id == a.ReviewerId).Select(u => u.DisplayName).FirstOrDefault(),
                a.Review.Recommendation, a.Review.Overall, a.Review.Comment, a.Review.SubmittedAt, a.Review.UpdatedAt,
                Marks = a.Review.Scores.Select(s => new { s.CriterionId, s.Value }).ToList(),
            })
            .ToListAsync(cancellation);
        var rubrics = rows.Select(r => r.RubricId).Distinct().ToList();
        var criteria = (await db.Set<RubricCriterion>().AsNoTracking().Where(c => rubrics.Contains(c.RubricId))
            .Select(c => new { c.Id, c.Name, c.Position }).ToListAsync(cancellation)).ToDictionary(c => c.Id);
        return rows.Select(r => new ReviewRow(r.Id, r.SeasonId, r.RoundId, r.Round, r.Stage, r.StreamId, r.RubricId, r.SubjectId, r.ApplicantId ?? "",
                r.ReviewerId, r.Reviewer ?? "", r.Marks.Where(m => criteria.ContainsKey(m.CriterionId)).OrderBy(m => criteria[m.CriterionId].Position)
                    .Select(m => new CriterionMark(m.CriterionId, criteria[m.CriterionId].Name, m.Value)).ToList(),
                r.Recommendation, r.Overall, r.Comment, r.SubmittedAt, r.UpdatedAt))
            .ToList();
    }

    /// <summary>
    /// The rows as a reader outside the admin's view gets them: each comment through the applicant's
    /// <see cref="BlindRedaction"/> under their season's settings. Reviewers wrote from the blind view, but a CV that was
    /// shown, or a name that slipped through, can put identity in a comment.
    /// </summary>
    public static async Task<IReadOnlyList<ReviewRow>> BlindAsync(CohortDbContext db, IReadOnlyList<ReviewRow> rows, CancellationToken cancellation)
    {
        var settings = new Dictionary<int, BlindSettings>();
        foreach (var season in rows.Select(r => r.SeasonId).Distinct())
        {
            settings[season] = await BlindApplication.SettingsAsync(db, season, cancellation);
        }

        var names = await Applications.ApplicantReferences.IdentitiesAsync(db, rows.Select(r => r.ApplicantId).Distinct().ToList(), cancellation);
        var redactions = new Dictionary<(int, string), BlindRedaction>();
        return rows.Select(r =>
        {
            if (!redactions.TryGetValue((r.SeasonId, r.ApplicantId), out var redaction))
            {
                redaction = new BlindRedaction(settings[r.SeasonId], names.TryGetValue(r.ApplicantId, out var who) ? who.Name : "");
                redactions[(r.SeasonId, r.ApplicantId)] = redaction;
            }

            return r with { Comment = redaction.Apply(r.Comment) };
        }).ToList();
    }
}
