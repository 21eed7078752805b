using System.ComponentModel.DataAnnotations;
using System.Text;
using Cohort.Core.Applications;
using Cohort.Core.Imports;

namespace Cohort.Web.Pages.Admin.Imports;

/// <summary>
/// Imports people from CSV. Applicants: the admin uploads a form tool's export, maps each column on a preview that
/// shows the dry run (counts, the first rows, every problem by line and column), checks again after changing the
/// mapping, then imports. The file's text travels in the preview's form between steps, so nothing is stored before the
/// import. The reviewer pool: upload, preview, import. The request size limit of this path is the upload limit
/// (<see cref="RequestSizeLimit.IsImport"/>); the form limits below only keep ASP.NET Core's own lower ones out of its way.
/// </summary>
[RequestFormLimits(ValueLengthLimit = MaxFormValue, MultipartBodyLengthLimit = MaxFormValue)]
public class IndexModel(CohortDbContext db, AuditLog audit, ImportApplicants applicants, ImportReviewers reviewers) : AuditedPage(db, audit)
{
    // Above any upload limit an operator would set; the request size limit refuses larger bodies before they are read.
    private const int MaxFormValue = int.MaxValue;

    /// <summary>How many rows of the dry run the preview lists; the counts cover them all.</summary>
    public const int PreviewRows = 20;

    public sealed class ColumnChoice
    {
        public string Header { get; set; } = "";
        public string? Target { get; set; }
    }

    [BindProperty, Display(Name = "CSV file")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Csv { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    [BindProperty, Display(Name = "Dates with slashes are written")]
    public DateOrder DateOrder { get; set; }

    [BindProperty]
    public List<ColumnChoice> Columns { get; set; } = [];

    public ApplicantImportReport? Report { get; private set; }

    public ReviewerImportReport? ReviewerReport { get; private set; }

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadQuestionsAsync(cancellation);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellation)
    {
        if (!await ReadUploadAsync(cancellation))
        {
            await LoadQuestionsAsync(cancellation);
            return Page();
        }

        await RunApplicantsAsync(dryRun: true, cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(Csv))
        {
            return RedirectWithNotice("There was no file to import: upload it again.", "/Admin/Imports/Index");
        }

        await RunApplicantsAsync(dryRun: false, cancellation);
        return Report!.Written
            ? RedirectWithNotice($"Imported {FileName}: {Report.Summary}.", "/Admin/Imports/Index")
            : Page();
    }

    public async Task<IActionResult> OnPostReviewersAsync(bool confirmed, CancellationToken cancellation)
    {
        await LoadQuestionsAsync(cancellation);
        if (!await ReadUploadAsync(cancellation))
        {
            return Page();
        }

        ReviewerReport = await reviewers.RunAsync(Csv!, dryRun: !confirmed, User.AsActor(), cancellation);
        return ReviewerReport.Written
            ? RedirectWithNotice($"Imported {FileName}: {ReviewerReport.Summary}.", "/Admin/Imports/Index")
            : Page();
    }

    /// <summary>The uploaded file's text (a first upload) or the text the preview carried; false with a problem when neither.</summary>
    private async Task<bool> ReadUploadAsync(CancellationToken cancellation)
    {
        if (Upload is { Length: > 0 })
        {
            if (!Path.GetExtension(Upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                ModelState.AddModelError(nameof(Upload), "Choose a .csv file: export the form's responses or the table as CSV first.");
                return false;
            }

            using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Csv = await reader.ReadToEndAsync(cancellation);
            FileName = Path.GetFileName(Upload.FileName);
            Columns = [];
            ModelState.Clear();
            return true;
        }

        if (!string.IsNullOrEmpty(Csv))
        {
            return true;
        }

        ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
        return false;
    }

    private async Task RunApplicantsAsync(bool dryRun, CancellationToken cancellation)
    {
        await LoadQuestionsAsync(cancellation);
        var mapping = Columns.Where(c => !string.IsNullOrWhiteSpace(c.Target)).ToDictionary(c => c.Header, c => c.Target!, StringComparer.Ordinal);
        Report = await applicants.RunAsync(new ApplicantImportRequest(Csv!, mapping, dryRun, DateOrder), User.AsActor(), cancellation);
        // Every column of the file gets a choice on the preview: the one given, else the guess, else none yet.
        var headers = CsvTable.Read(Csv!).Table?.Headers ?? [];
        Columns = headers.Select(h => new ColumnChoice
        {
            Header = h,
            Target = mapping.GetValueOrDefault(h) ?? Report.Columns.FirstOrDefault(c => c.Header == h)?.Target.ToString(),
        }).ToList();
        ModelState.Clear();
    }

    private async Task LoadQuestionsAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.AsNoTracking().CurrentAsync(cancellation);
        Questions = season is null ? [] : await Db.ApplicationForms.AsNoTracking()
            .Where(f => f.SeasonId == season.Id && f.Kind == FormKind.General)
            .SelectMany(f => f.Questions).OrderBy(q => q.Position).ToListAsync(cancellation);
    }

    /// <summary>The choices of a column's select: the fixed targets, then each question a CSV can carry.</summary>
    public IEnumerable<(string Value, string Label)> Targets() =>
        new[] { ("ignore", "Ignore this column"), ("email", "Email address"), ("name", "Name (several columns are joined)"), ("submittedAt", "Time of submission") }
            .Concat(Questions.Where(q => q.Kind != QuestionKind.File)
                .Select(q => (ImportTarget.QuestionPrefix + q.Key, $"Question: {q.Prompt}{(q.Required ? " (required)" : "")}")));
}
