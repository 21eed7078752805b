using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Applications;

public sealed record UploadOutcome(int? FileId, string? Problem);

/// <summary>
/// Stores a CV for a file question: a PDF of at most 5 MB (see <see cref="PdfContent"/>). A new CV replaces the old
/// one, which is deleted.
/// </summary>
public sealed class StoreUpload(CohortDbContext db, TimeProvider clock)
{
    public const long MaxBytes = PdfContent.MaxBytes;

    public async Task<UploadOutcome> RunAsync(string applicantId, int formId, string questionKey, string fileName, Stream content, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var form = await db.Set<ApplicationForm>().Include(f => f.Questions).SingleOrDefaultAsync(f => f.Id == formId, cancellation);
        var question = form?.Questions.SingleOrDefault(q => q.Key == questionKey && q.Kind == QuestionKind.File);
        if (form is null || question is null)
        {
            return new(null, "There is no such file question.");
        }

        if (!form.IsOpenAt(now))
        {
            return new(null, ApplicationWindow.Explain(form, now));
        }

        var (bytes, problem) = await PdfContent.ReadAsync(content, cancellation);
        if (bytes is null)
        {
            return new(null, $"{problem} Please upload your CV as a PDF of at most {MaxBytes / (1024 * 1024)} MB.");
        }

        var application = await ApplicationDrafts.FindOrStartAsync(db, form, applicantId, now, cancellation);
        if (application.State != ApplicationState.Draft)
        {
            return new(null, "This application has already been submitted; it can no longer be changed.");
        }

        var file = new StoredFile { OwnerId = applicantId, FileName = SafeName(fileName), ContentType = "application/pdf", Length = bytes.Length, Content = bytes, UploadedAt = now };
        db.Add(file);
        var answer = application.Answers.SingleOrDefault(a => a.QuestionId == question.Id);
        if (answer is null)
        {
            answer = new Answer { QuestionId = question.Id };
            application.Answers.Add(answer);
        }
        else if (answer.FileId is { } replaced)
        {
            // Only this answer points at the old CV: kept, it would be personal data nobody can reach, and the
            // database would grow with every re-upload. It goes in the same save, without reading its bytes back.
            db.Remove(new StoredFile { Id = replaced, OwnerId = applicantId, FileName = "", ContentType = "", Content = [] });
        }

        answer.Value = file.FileName;
        answer.File = file;
        application.UpdatedAt = now;
        // Another upload may have replaced the same CV at the same moment and deleted the old one first; that upload stands.
        return await db.TrySaveAsync(cancellation)
            ? new(file.Id, null)
            : new(null, "Your CV was being replaced from another window at the same moment; reload the page to see which one was kept.");
    }

    /// <summary>
    /// The name the file is stored and served under: the applicant's own, without folders, quotes or control
    /// characters, and always ending in ".pdf", since the content was checked to be a PDF. A PDF sent as "cv.exe" must
    /// not be handed to an admin as an executable.
    /// </summary>
    public static string SafeName(string fileName, string fallback = "cv.pdf")
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var cleaned = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/')).ToArray()).Trim();
        if (!cleaned.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = Path.GetFileNameWithoutExtension(cleaned).Trim() + ".pdf";
        }

        return cleaned.Length is > 4 and <= 200 ? cleaned : fallback;
    }
}
