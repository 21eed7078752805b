using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <summary>One question of the round with the fellow's answer, empty when unanswered.</summary>
public sealed record AnsweredQuestion(ExtensionQuestion Question, string Answer);

/// <summary>One mentor's endorsement, with their name.</summary>
public sealed record EndorsementView(int MentorId, string Mentor, int Rating, string Comment, DateTime At);

/// <summary>An extension application as the admin and the fellow's mentors read it: the round, who, what they ask and answer, and the endorsements.</summary>
public sealed record ExtensionApplicationView(ExtensionRound Round, ExtensionRow Row, IReadOnlyList<AnsweredQuestion> Answers, IReadOnlyList<EndorsementView> Endorsements)
{
    /// <summary>The view of a handed-in application among <paramref name="visible"/> (a scope: all, or a mentor's); null when it is not among them.</summary>
    public static async Task<ExtensionApplicationView?> LoadAsync(CohortDbContext db, IQueryable<ExtensionApplication> visible, int applicationId, CancellationToken cancellation)
    {
        var application = await visible.AsNoTracking().Include(a => a.Answers).Include(a => a.Endorsements).SingleOrDefaultAsync(a => a.Id == applicationId, cancellation);
        if (application is null || application.State == Applications.ApplicationState.Draft)
        {
            return null;
        }

        var round = await db.ExtensionRounds.AsNoTracking().Include(r => r.Questions.OrderBy(q => q.Position)).SingleAsync(r => r.Id == application.RoundId, cancellation);
        var row = await ExtensionRows.Of(db, db.ExtensionApplications.Where(a => a.Id == applicationId)).SingleAsync(cancellation);
        var mentorIds = application.Endorsements.Select(e => e.MentorId).ToList();
        var mentors = await db.Mentors.AsNoTracking().Where(m => mentorIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellation);
        return new(round, row,
            round.Questions.Select(q => new AnsweredQuestion(q, application.Answers.SingleOrDefault(a => a.QuestionId == q.Id)?.Value ?? "")).ToList(),
            application.Endorsements.OrderBy(e => e.At).Select(e => new EndorsementView(e.MentorId, mentors[e.MentorId], e.Rating, e.Comment, e.At)).ToList());
    }
}
