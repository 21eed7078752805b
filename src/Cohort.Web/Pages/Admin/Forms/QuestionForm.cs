using System.ComponentModel.DataAnnotations;
using Cohort.Core.Applications;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Admin.Forms;

/// <summary>Adds a question at the end of the general form (/admin/forms/general/questions/new) or edits one.</summary>
public sealed class QuestionFormModel(CohortDbContext db, AuditLog audit) : RecordForm<Question, QuestionFormModel.QuestionInput>(db, audit)
{
    public sealed class QuestionInput : RecordInput
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

        [Display(Name = "Research area: used as the topic for calibration and bridging")]
        public bool DefinesTopic { get; set; }
    }

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<QuestionKind>().Select(k => new SelectListItem(k.ToString(), k.ToString()));


    private ApplicationForm? form;

    protected override string Kind => "question";

    protected override string ListPage => "/Admin/Forms/Index";

    protected override async Task<Question?> FindAsync(string key, CancellationToken cancellation) =>
        (await FormAsync(cancellation))?.Questions.SingleOrDefault(q => q.Id == int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));

    protected override QuestionInput Read(Question question) => new()
    {
        Key = question.Key, Prompt = question.Prompt, Help = question.Help, Kind = question.Kind, Required = question.Required,
        MaxWords = question.MaxWords, ChoicesText = question.ChoicesText, Identity = question.Identity, DefinesTopic = question.DefinesTopic,
    };

    protected override Question Add()
    {
        var question = new Question { Key = Input.Key, Prompt = Input.Prompt };
        form!.Questions.Add(question);
        return question;
    }

    protected override Task ApplyAsync(Question question, CancellationToken cancellation)
    {
        if (question.Id == 0)
        {
            question.Position = 1 + form!.Questions.Where(q => q != question).Select(q => q.Position).DefaultIfEmpty(-1).Max();
        }

        question.Key = Input.Key;
        question.Prompt = Input.Prompt;
        question.Help = Input.Help ?? "";
        question.Kind = Input.Kind;
        question.Required = Input.Required;
        question.MaxWords = Input.Kind == QuestionKind.LongText ? Input.MaxWords : 0;
        question.ChoicesText = IsChoice(Input.Kind) ? string.Join('\n', AnswerRules.Lines(Input.ChoicesText ?? "")) : "";
        question.Identity = Input.Identity;
        question.DefinesTopic = Input.DefinesTopic;
        return Task.CompletedTask;
    }

    protected override string Name(Question question) => question.Key;

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        var current = await FormAsync(cancellation);
        if (current is null)
        {
            ModelState.AddModelError("", "The season has no general application form.");
            return;
        }

        if (current.Questions.Any(q => q.Key == Input.Key && q != Record))
        {
            ModelState.AddModelError("Input.Key", $"Another question already has the key “{Input.Key}”.");
        }

        if (IsChoice(Input.Kind) && AnswerRules.Lines(Input.ChoicesText ?? "").Count < 2)
        {
            ModelState.AddModelError("Input.ChoicesText", "A choice question needs at least two choices, one a line.");
        }

        if (Input.DefinesTopic && !IsChoice(Input.Kind))
        {
            ModelState.AddModelError("Input.DefinesTopic", "Only a single or multiple choice question can be the research area: its options are the topics.");
        }

        if (Input.DefinesTopic && current.Questions.FirstOrDefault(q => q.DefinesTopic && q != Record) is { } other)
        {
            ModelState.AddModelError("Input.DefinesTopic", $"“{other.Key}” is already the research-area question; a form has one. Clear it there first.");
        }

        // The minimum age is checked on the date-of-birth answer, so it must be a date the check can read.
        if (Input.Identity == IdentityFlag.DateOfBirth && Input.Kind != QuestionKind.Date)
        {
            ModelState.AddModelError("Input.Identity", "A date of birth must be asked as a Date question.");
        }
    }

    private static bool IsChoice(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    private async Task<ApplicationForm?> FormAsync(CancellationToken cancellation) =>
        form ??= await GeneralForm.FindAsync(Db, Season.Id, cancellation);
}
