using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>What a fellow hands in for a milestone: a text, a link, or a PDF's content and name, as the milestone asks.</summary>
public sealed record MilestoneAnswer(string? Text = null, string? Link = null, Stream? Pdf = null, string? FileName = null);

/// <summary>
/// A fellow hands in their submission for a milestone of their own fellowship. Late is allowed (the page marks it
/// late); handing in again replaces the earlier submission, and deletes its PDF, until a mentor has signed it off.
/// </summary>
public sealed class SubmitMilestone(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public async Task<string?> RunAsync(string fellowId, int fellowshipId, int milestoneId, MilestoneAnswer answer, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fellowship = await FellowshipScope.OfFellow(db, fellowId).AsNoTracking().SingleOrDefaultAsync(f => f.Id == fellowshipId, cancellation);
        var milestone = fellowship is null ? null : await MilestoneProgress.For(db, fellowship).AsNoTracking().SingleOrDefaultAsync(m => m.Id == milestoneId, cancellation);
        if (milestone is null || milestone.Submission == SubmissionKind.None)
        {
            return "This milestone asks you to hand in nothing.";
        }

        if (await db.CheckIns.AnyAsync(c => c.FellowshipId == fellowshipId && c.MilestoneId == milestoneId, cancellation))
        {
            return "A mentor has signed this milestone off, so your submission can no longer change.";
        }

        var submission = await db.MilestoneSubmissions.SingleOrDefaultAsync(s => s.FellowshipId == fellowshipId && s.MilestoneId == milestoneId, cancellation);
        var replacedFile = submission?.FileId;
        if (submission is null)
        {
            submission = new MilestoneSubmission { FellowshipId = fellowshipId, MilestoneId = milestoneId };
            db.MilestoneSubmissions.Add(submission);
        }

        if (replacedFile is { } old)
        {
            // Only this submission points at the old PDF: it goes in the same save rather than staying behind unreachable.
            // Removed before the new one is attached, so the removal does not clear the new file's key on the submission.
            db.StoredFiles.Remove(new StoredFile { Id = old, OwnerId = fellowId, FileName = "", ContentType = "", Content = [] });
        }

        var problem = milestone.Submission switch
        {
            SubmissionKind.Text => TakeText(submission, answer.Text),
            SubmissionKind.Link => TakeLink(submission, answer.Link),
            _ => await TakePdfAsync(submission, fellowId, answer, now, cancellation),
        };
        if (problem is not null)
        {
            db.ChangeTracker.Clear();
            return $"{problem} Nothing was handed in.";
        }

        submission.SubmittedAt = now;
        audit.Record(await AccountActors.OfAsync(db, fellowId, cancellation), "milestone.submitted", $"fellowship:{fellowshipId}",
            $"\"{milestone.Title}\"{(MilestoneProgress.IsLate(milestone, now) ? ", late" : "")}");
        return await db.SaveOrRefuseAsync("You handed this in from another window at the same moment; reload the page to see which one was kept.", cancellation);
    }

    private static string? TakeText(MilestoneSubmission submission, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MilestoneSubmission.MaxTextLength)
        {
            return $"Write your submission: at least a word and at most {MilestoneSubmission.MaxTextLength:N0} characters.";
        }

        submission.Text = trimmed;
        return null;
    }

    private static string? TakeLink(MilestoneSubmission submission, string? link)
    {
        var trimmed = link?.Trim() ?? "";
        if (trimmed.Length > MilestoneSubmission.MaxLinkLength || !Uri.TryCreate(trimmed, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return "Give a full web address starting with https:// or http://.";
        }

        submission.Link = trimmed;
        return null;
    }

    private static async Task<string?> TakePdfAsync(MilestoneSubmission submission, string fellowId, MilestoneAnswer answer, DateTime now, CancellationToken cancellation)
    {
        if (answer.Pdf is null)
        {
            return "Choose a PDF to upload.";
        }

        var (bytes, problem) = await PdfContent.ReadAsync(answer.Pdf, cancellation);
        if (bytes is null)
        {
            return problem;
        }

        var file = new StoredFile { OwnerId = fellowId, FileName = StoreUpload.SafeName(answer.FileName ?? "", "submission.pdf"), ContentType = "application/pdf", Length = bytes.Length, Content = bytes, UploadedAt = now };
        submission.File = file;
        return null;
    }
}
