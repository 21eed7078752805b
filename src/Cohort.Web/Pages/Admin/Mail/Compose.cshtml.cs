using System.ComponentModel.DataAnnotations;
using Cohort.Core.Mail;
using Cohort.Web.Pages.Admin.Pipeline;

namespace Cohort.Web.Pages.Admin.Mail;

/// <summary>
/// A templated mailing to the applications the pipeline filters select: written, previewed as the first
/// recipients will read it, then queued in the outbox for all of them at once.
/// </summary>
public class ComposeModel(CohortDbContext db, AuditLog audit, SendTemplatedMail mailing, PublicOrigin origin) : SelectionPage(db, audit)
{
    public const int Previewed = 3;

    public sealed class MailInput
    {
        [Required, StringLength(SendTemplatedMail.MaxSubjectLength)]
        public string Subject { get; set; } = "";

        [Required, StringLength(SendTemplatedMail.MaxBodyLength)]
        public string Body { get; set; } = "";
    }

    [BindProperty]
    public MailInput Input { get; set; } = new();

    /// <summary>After a preview: how many would receive the mailing, and the first few messages.</summary>
    public MailingOutcome? Preview { get; private set; }

    public static string KnownFields => string.Join(", ", MailTemplate.Fields.Select(f => $"{{{{{f}}}}}"));

    public IActionResult OnGet() => Kind is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            Preview = await mailing.PreviewAsync(Mail(kind), Previewed, cancellation);
            AddProblems(Preview);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken cancellation)
    {
        if (Kind is not { } kind)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var sent = await mailing.SendAsync(User.AsActor(), Mail(kind), cancellation);
            if (sent.Ok)
            {
                return RedirectWithNotice($"Queued {Text.Count(sent.Recipients, "message")} “{Text.Shorten(Input.Subject)}” in the outbox.", "/Admin/Outbox");
            }

            AddProblems(sent);
        }

        return Page();
    }

    private TemplatedMail Mail(Core.Catalogue.StageKind kind) =>
        new(kind, Filter, Input.Subject, Input.Body, origin.Link("/portal"));

    private void AddProblems(MailingOutcome outcome)
    {
        foreach (var problem in outcome.Problems)
        {
            ModelState.AddModelError("", problem);
        }
    }
}
