using System.ComponentModel.DataAnnotations;
using Cohort.Core.Applications;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Forms;

/// <summary>The fields every form's question has (<see cref="QuestionDefinition"/>), as an admin edits them; <c>_QuestionFields</c> renders them.</summary>
public class QuestionFields : RecordInput
{
    [Required, StringLength(80), Slug]
    public string Key { get; set; } = "";

    [Required, StringLength(1000), Display(Name = "Question")]
    public string Prompt { get; set; } = "";

    [StringLength(2000)]
    public string? Help { get; set; }

    public QuestionKind Kind { get; set; }

    public bool Required { get; set; }

    [Range(0, 10_000), Display(Name = "Most words (long text; 0 for no limit)")]
    public int MaxWords { get; set; }

    [StringLength(5000), Display(Name = "Choices, one a line")]
    public string? ChoicesText { get; set; }

    [Display(Name = "Identity")]
    public IdentityFlag Identity { get; set; }

    [Display(Name = "Research statement: read for reviewers' affinity and shown to reviewers bidding")]
    public bool IsResearchStatement { get; set; }
}

/// <summary>
/// Adds or edits one question of a form, whichever form it belongs to (the general application's, an extension
/// round's): the same fields, the same checks, the same audit. A form type supplies where its questions live and
/// what else it asks of them.
/// </summary>
public abstract class QuestionEditor<TQuestion, TInput>(CohortDbContext db, AuditLog audit) : RecordForm<TQuestion, TInput>(db, audit)
    where TQuestion : QuestionDefinition
    where TInput : QuestionFields, new()
{
    /// <summary>The kinds this form offers.</summary>
    public virtual IEnumerable<QuestionKind> OfferedKinds => Enum.GetValues<QuestionKind>();

    public IEnumerable<SelectListItem> Kinds => OfferedKinds.Select(k => new SelectListItem(k.ToString(), k.ToString()));

    protected override string Kind => "question";

    /// <summary>The other questions of the same form, in order; null when the form is missing.</summary>
    protected abstract Task<IReadOnlyList<TQuestion>?> SiblingsAsync(CancellationToken cancellation);

    protected override async Task<TQuestion?> FindAsync(string key, CancellationToken cancellation) =>
        (await SiblingsAsync(cancellation))?.SingleOrDefault(q => q.Id == int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));

    protected override TInput Read(TQuestion question) => new()
    {
        Key = question.Key, Prompt = question.Prompt, Help = question.Help, Kind = question.Kind, Required = question.Required,
        MaxWords = question.MaxWords, ChoicesText = question.ChoicesText, Identity = question.Identity, IsResearchStatement = question.IsResearchStatement,
    };

    protected override async Task ApplyAsync(TQuestion question, CancellationToken cancellation)
    {
        if (question.Id == 0)
        {
            question.Position = 1 + (await SiblingsAsync(cancellation))!.Where(q => q != question).Select(q => q.Position).DefaultIfEmpty(-1).Max();
        }

        question.Key = Input.Key;
        question.Prompt = Input.Prompt;
        question.Help = Input.Help ?? "";
        question.Kind = Input.Kind;
        question.Required = Input.Required;
        question.MaxWords = Input.Kind == QuestionKind.LongText ? Input.MaxWords : 0;
        question.ChoicesText = IsChoice(Input.Kind) ? string.Join('\n', AnswerRules.Lines(Input.ChoicesText ?? "")) : "";
        question.Identity = Input.Identity;
        question.IsResearchStatement = Input.IsResearchStatement;
    }

    protected override string Name(TQuestion question) => question.Key;

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        if (await SiblingsAsync(cancellation) is not { } siblings)
        {
            ModelState.AddModelError("", "The form of this question is missing.");
            return;
        }

        if (siblings.Any(q => q.Key == Input.Key && q != Record))
        {
            ModelState.AddModelError("Input.Key", $"Another question already has the key “{Input.Key}”.");
        }

        if (!OfferedKinds.Contains(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", $"This form does not ask {Input.Kind} questions.");
        }

        if (IsChoice(Input.Kind) && AnswerRules.Lines(Input.ChoicesText ?? "").Count < 2)
        {
            ModelState.AddModelError("Input.ChoicesText", "A choice question needs at least two choices, one a line.");
        }

        // The minimum age is checked on the date-of-birth answer, so it must be a date the check can read.
        if (Input.Identity == IdentityFlag.DateOfBirth && Input.Kind != QuestionKind.Date)
        {
            ModelState.AddModelError("Input.Identity", "A date of birth must be asked as a Date question.");
        }

        // A statement is read as prose; an answer that says who the applicant is would put identity into what bidders read.
        if (Input.IsResearchStatement && (Input.Kind is not (QuestionKind.ShortText or QuestionKind.LongText) || Input.Identity != IdentityFlag.None))
        {
            ModelState.AddModelError("Input.IsResearchStatement", "Only a short or long text question that is not an identity field can be part of the research statement.");
        }
    }

    protected static bool IsChoice(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
}
