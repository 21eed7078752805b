using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>reviews</c>: every submitted review of the season, one a row, with one column per rubric criterion (named
/// <c>criterion: NAME</c>, or <c>criterion: RUBRIC / NAME</c> when the season's rounds use several rubrics), from
/// <see cref="ReviewRows"/>. Identified: the applicant's name and email and the reviewer's name. Blind: the subject by
/// id, the reviewer by id, the comment through the blind redaction.
/// </summary>
public sealed class ReviewsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "reviews";
    public override string Title => "Reviews with the score of each rubric criterion";
    public override string Scope => ApiScopes.ReviewsRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new ReviewFilter(request.SeasonId, StreamId: request.StreamId);
        var rows = await ExportPages.AllAsync((after, take) => ReviewRows.PageAsync(db, filter, after, take, cancellation), r => r.Id);
        var identified = request.View == ExportView.Identified;
        if (!identified)
        {
            rows = await ReviewRows.BlindAsync(db, rows, cancellation);
        }

        var criteria = await CriterionColumnsAsync(rows.Select(r => r.RubricId).Distinct().ToList(), cancellation);
        var people = identified ? await ApplicantReferences.IdentitiesAsync(db, rows.Select(r => r.ApplicantId).Distinct().ToList(), cancellation) : null;
        string[] columns =
        [
            "review_id", "round_id", "round", "stage", "stream_id", "subject", "subject_id",
            .. identified ? ["applicant", "email", "reviewer_id", "reviewer"] : new[] { "reviewer_id" },
            .. criteria.Select(c => c.Column), "recommendation", "overall", "comment", "submitted_at", "updated_at",
        ];
        return new ExportRows(columns, rows.Select(r =>
        {
            var marks = r.Marks.ToDictionary(m => m.CriterionId, m => m.Value);
            var person = people?.GetValueOrDefault(r.ApplicantId);
            return (object?[])
            [
                r.Id, r.RoundId, r.Round, StageKinds.Name(r.Stage), r.StreamId, ReviewRows.SubjectKind(r.Stage), r.SubjectId,
                .. identified ? [person?.Name, person?.Email, r.ReviewerId, r.Reviewer] : new object?[] { r.ReviewerId },
                .. criteria.Select(c => marks.TryGetValue(c.Id, out var value) ? (object?)value : null),
                r.Recommendation.ToString(), r.Overall, r.Comment, r.SubmittedAt, r.UpdatedAt,
            ];
        }).ToList());
    }

    private sealed record CriterionColumn(int Id, string Column);

    /// <summary>The criteria of the rubrics the reviews used, rubric by rubric in the rubric's order, each a column.</summary>
    private async Task<List<CriterionColumn>> CriterionColumnsAsync(List<int> rubricIds, CancellationToken cancellation)
    {
        var criteria = await db.Set<RubricCriterion>().AsNoTracking().Where(c => rubricIds.Contains(c.RubricId))
            .OrderBy(c => c.RubricId).ThenBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, Rubric = db.Rubrics.Where(r => r.Id == c.RubricId).Select(r => r.Name).First() })
            .ToListAsync(cancellation);
        var columns = new List<CriterionColumn>();
        foreach (var c in criteria)
        {
            var column = rubricIds.Count > 1 ? $"criterion: {c.Rubric} / {c.Name}" : $"criterion: {c.Name}";
            // Two criteria named alike (in rubrics of the same name) stay two columns.
            columns.Add(new(c.Id, columns.Any(x => x.Column == column) ? $"{column} ({c.Id})" : column));
        }

        return columns;
    }
}
