using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.FollowUps;

/// <summary>What an applicant hands in for a work test: a link, or the content of a PDF.</summary>
public sealed record WorkTestAnswer(string? Url, Stream? Pdf = null);

/// <summary>
/// An applicant under consideration by a stream hands in its work test before the deadline, which the server
/// enforces. Handing in again before the deadline replaces the earlier answer, and deletes an earlier PDF.
/// </summary>
public sealed class SubmitWorkTest(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(string applicantId, int streamId, WorkTestAnswer answer, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var test = await db.WorkTests.SingleOrDefaultAsync(t => t.StreamId == streamId, cancellation);
        var considered = await StreamsStage.UnderConsideration(db).AnyAsync(a => a.StreamId == streamId && a.ApplicantId == applicantId, cancellation);
        if (test is null || !considered)
        {
            return "This stream has no work test for you.";
        }

        if (now > test.DueAt)
        {
            return $"The work test was due on {test.DueAt:d MMMM yyyy 'at' HH:mm} UTC; answers are no longer accepted.";
        }

        if (answer.Pdf is not null && !string.IsNullOrWhiteSpace(answer.Url))
        {
            return "Hand in either a link or a PDF, not both; nothing was handed in.";
        }

        var submission = await db.WorkTestSubmissions.Include(s => s.File)
            .SingleOrDefaultAsync(s => s.WorkTestId == test.Id && s.ApplicantId == applicantId, cancellation);
        var replaced = submission?.File;
        if (submission is null)
        {
            submission = new WorkTestSubmission { WorkTestId = test.Id, ApplicantId = applicantId };
            db.WorkTestSubmissions.Add(submission);
        }

        if (answer.Pdf is not null)
        {
            var (bytes, problem) = await PdfContent.ReadAsync(answer.Pdf, cancellation);
            if (bytes is null)
            {
                return $"{problem} Please hand in a PDF of at most {PdfContent.MaxBytes / (1024 * 1024)} MB, or a link.";
            }

            submission.File = new StoredFile { OwnerId = applicantId, FileName = "work-test.pdf", ContentType = "application/pdf", Length = bytes.Length, Content = bytes, UploadedAt = now };
            submission.Url = null;
        }
        else if (Uri.TryCreate(answer.Url?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.OriginalString.Length <= 2000)
        {
            submission.Url = url.OriginalString;
            submission.FileId = null;
            submission.File = null;
        }
        else
        {
            return "Give a full web address starting with https:// or http://, or upload a PDF.";
        }

        if (replaced is not null)
        {
            // A PDF nobody can reach any more is still the applicant's work: it is deleted, not left behind.
            db.StoredFiles.Remove(replaced);
        }

        submission.SubmittedAt = now;
        audit.Record(await AccountActors.OfAsync(db, applicantId, cancellation), "work-test.submitted", $"stream:{streamId}");
        return await db.SaveOrRefuseAsync("Your work test was handed in from another tab at the same moment; reload to see which was kept.", cancellation);
    }
}
