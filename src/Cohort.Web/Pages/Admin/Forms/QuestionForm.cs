using System.ComponentModel.DataAnnotations;
using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Admin.Forms;

/// <summary>Adds a question at the end of the general form (/admin/forms/general/questions/new) or edits one.</summary>
public sealed class QuestionFormModel(CohortDbContext db, AuditLog audit) : QuestionEditor<Question, QuestionFormModel.QuestionInput>(db, audit)
{
    public sealed class QuestionInput : QuestionFields
    {
        [Display(Name = "Research area: used as the topic for calibration and bridging")]
        public bool DefinesTopic { get; set; }
    }

    private ApplicationForm? form;

    protected override string ListPage => "/Admin/Forms/Index";

    protected override async Task<IReadOnlyList<Question>?> SiblingsAsync(CancellationToken cancellation) => (await FormAsync(cancellation))?.Questions;

    protected override QuestionInput Read(Question question)
    {
        var input = base.Read(question);
        input.DefinesTopic = question.DefinesTopic;
        return input;
    }

    protected override Question Add()
    {
        var question = new Question { Key = Input.Key, Prompt = Input.Prompt };
        form!.Questions.Add(question);
        return question;
    }

    protected override async Task ApplyAsync(Question question, CancellationToken cancellation)
    {
        await base.ApplyAsync(question, cancellation);
        question.DefinesTopic = Input.DefinesTopic;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        await base.CheckAsync(cancellation);
        var current = await FormAsync(cancellation);
        if (Input.DefinesTopic && !IsChoice(Input.Kind))
        {
            ModelState.AddModelError("Input.DefinesTopic", "Only a single or multiple choice question can be the research area: its options are the topics.");
        }

        if (Input.DefinesTopic && current?.Questions.FirstOrDefault(q => q.DefinesTopic && q != Record) is { } other)
        {
            ModelState.AddModelError("Input.DefinesTopic", $"“{other.Key}” is already the research-area question; a form has one. Clear it there first.");
        }
    }

    private async Task<ApplicationForm?> FormAsync(CancellationToken cancellation) =>
        form ??= await GeneralForm.FindAsync(Db, Season.Id, cancellation);
}
