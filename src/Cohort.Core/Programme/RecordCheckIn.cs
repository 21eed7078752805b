using Cohort.Core.Audit;

namespace Cohort.Core.Programme;

/// <summary>A mentor of the fellow's stream records a check-in between milestones: an assessment and a comment, as often as they meet.</summary>
public sealed class RecordCheckIn(MentorAssessment assessments)
{
    public async Task<string?> RunAsync(Actor mentor, int fellowshipId, Assessment? assessment, string? comment, CancellationToken cancellation = default)
    {
        var (mentorId, refusal) = await assessments.CheckAsync(mentor, fellowshipId, assessment, comment, cancellation);
        return refusal ?? await assessments.RecordAsync(mentor, mentorId!.Value, fellowshipId, null, assessment!.Value, comment!, "The check-in could not be saved; please try again.", cancellation);
    }
}
