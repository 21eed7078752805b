using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>
/// A mentor of the fellow's stream (in the fellowship's season) signs a milestone off with an assessment and a comment.
/// Refused, with nothing written, for anyone else, for a milestone that asks for no sign-off or does not apply to the
/// fellow, for one whose submission has not come in, and for one already signed off (one sign-off a fellow and milestone).
/// </summary>
public sealed class SignOffMilestone(CohortDbContext db, MentorAssessment assessments)
{
    public async Task<string?> RunAsync(Actor mentor, int fellowshipId, int milestoneId, Assessment? assessment, string? comment, CancellationToken cancellation = default)
    {
        var (mentorId, refusal) = await assessments.CheckAsync(mentor, fellowshipId, assessment, comment, cancellation);
        if (refusal is not null)
        {
            return refusal;
        }

        var fellowship = await db.Fellowships.AsNoTracking().SingleAsync(f => f.Id == fellowshipId, cancellation);
        var milestone = await MilestoneProgress.For(db, fellowship).AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId, cancellation);
        if (milestone is null || !milestone.RequiresSignOff)
        {
            return "This milestone asks for no sign-off. Record a check-in instead.";
        }

        var signedOff = await db.CheckIns.AsNoTracking().Where(c => c.FellowshipId == fellowshipId && c.MilestoneId == milestoneId)
            .Join(db.Mentors, c => c.MentorId, m => m.Id, (c, m) => m.Name).FirstOrDefaultAsync(cancellation);
        if (signedOff is not null)
        {
            return $"{signedOff} has signed \"{milestone.Title}\" off already; a milestone is signed off once. Record a check-in to add to it.";
        }

        if (milestone.Submission != SubmissionKind.None && !await db.MilestoneSubmissions.AnyAsync(s => s.FellowshipId == fellowshipId && s.MilestoneId == milestoneId, cancellation))
        {
            return $"The fellow has not handed anything in for \"{milestone.Title}\" yet, so there is nothing to sign off. Record a check-in if you want to tell them where they stand.";
        }

        return await assessments.RecordAsync(mentor, mentorId!.Value, fellowshipId, milestone, assessment!.Value, comment!,
            $"Another mentor signed \"{milestone.Title}\" off at the same moment; reload the page to see their assessment.", cancellation);
    }
}
