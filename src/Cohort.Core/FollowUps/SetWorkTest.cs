using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.FollowUps;

/// <summary>A mentor of a stream sets (or changes) its work test: the instructions and the deadline.</summary>
public sealed class SetWorkTest(CohortDbContext db, AuditLog audit)
{
    public const int MaxInstructionsLength = 20_000;

    public async Task<string?> RunAsync(Actor mentor, int streamId, string instructionsMarkdown, DateTime dueAtUtc, CancellationToken cancellation = default)
    {
        if (mentor.UserId is null || !await MentorStreams.Of(db, mentor.UserId).AnyAsync(s => s.Id == streamId, cancellation))
        {
            return "Only a mentor of this stream can set its work test.";
        }

        instructionsMarkdown = instructionsMarkdown.Trim();
        if (instructionsMarkdown.Length is 0 or > MaxInstructionsLength)
        {
            return $"Write the instructions (at most {MaxInstructionsLength} characters).";
        }

        var test = await db.WorkTests.SingleOrDefaultAsync(t => t.StreamId == streamId, cancellation);
        if (test is null)
        {
            test = new WorkTest { StreamId = streamId };
            db.WorkTests.Add(test);
        }

        test.InstructionsMarkdown = instructionsMarkdown;
        test.DueAt = DateTime.SpecifyKind(dueAtUtc, DateTimeKind.Utc);
        audit.Record(mentor, "work-test.set", $"stream:{streamId}", $"due {test.DueAt:yyyy-MM-dd HH:mm} UTC");
        return await db.SaveOrRefuseAsync("Another mentor of this stream changed the work test at the same moment; reload to see theirs.", cancellation);
    }
}
