using System.ComponentModel.DataAnnotations;
using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Admin.Forms;

/// <summary>
/// The general application form: its title, introduction, window and grace, and its questions, which can be
/// moved, and deleted while no application has answered them (an answer is never silently thrown away).
/// </summary>
public sealed class IndexModel(CohortDbContext db, AuditLog audit) : RecordForm<ApplicationForm, IndexModel.FormInput>(db, audit)
{
    public sealed class FormInput : RecordInput
    {
        [Required, StringLength(200)]
        public string Title { get; set; } = "";

        [StringLength(20_000), Display(Name = "Introduction")]
        public string? IntroMarkdown { get; set; }

        [Required, Display(Name = "Opens (UTC)")]
        public DateTime? OpensAt { get; set; }

        [Required, Display(Name = "Closes (UTC)"), NotBefore(nameof(OpensAt), Strictly = true)]
        public DateTime? ClosesAt { get; set; }

        [Range(0, 24 * 60), Display(Name = "Grace minutes")]
        public int GraceMinutes { get; set; }
    }

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    /// <summary>Questions that some application has answered, which therefore cannot be deleted.</summary>
    public IReadOnlySet<int> Answered { get; private set; } = new HashSet<int>();

    protected override string Kind => "form";

    protected override bool EditsWithoutKey => true;

    protected override string ListPage => "/Admin/Forms/Index";

    protected override Task<ApplicationForm?> FindAsync(string key, CancellationToken cancellation) => GeneralForm.FindAsync(Db, Season.Id, cancellation);

    protected override FormInput Read(ApplicationForm form) => new()
    {
        Version = form.Version, Title = form.Title, IntroMarkdown = form.IntroMarkdown,
        OpensAt = form.OpensAt, ClosesAt = form.ClosesAt, GraceMinutes = form.GraceMinutes,
    };

    // The general form is created with the season; this page only edits it.
    protected override ApplicationForm Add() => throw new InvalidOperationException("The general form is edited, never created, here.");

    protected override Task ApplyAsync(ApplicationForm form, CancellationToken cancellation)
    {
        form.Title = Input.Title;
        form.IntroMarkdown = Input.IntroMarkdown ?? "";
        form.OpensAt = DateTime.SpecifyKind(Input.OpensAt!.Value, DateTimeKind.Utc);
        form.ClosesAt = DateTime.SpecifyKind(Input.ClosesAt!.Value, DateTimeKind.Utc);
        form.GraceMinutes = Input.GraceMinutes;
        return Task.CompletedTask;
    }

    protected override string Name(ApplicationForm form) => form.Title;

    protected override async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        Questions = Record?.Questions.OrderBy(q => q.Position).ToList() ?? [];
        var ids = Questions.Select(q => q.Id).ToList();
        Answered = (await Db.Set<Answer>().Where(a => ids.Contains(a.QuestionId)).Select(a => a.QuestionId).Distinct().ToListAsync(cancellation)).ToHashSet();
    }

    /// <summary>Moves a question one place up (<paramref name="by"/> = -1) or down (+1).</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int by, CancellationToken cancellation)
    {
        var questions = await QuestionsAsync(cancellation);
        var from = questions.FindIndex(q => q.Id == id);
        var to = from + Math.Sign(by);
        if (from < 0 || to < 0 || to >= questions.Count)
        {
            return from < 0 ? NotFound() : RedirectWithNotice("That question cannot move further.", ListPage);
        }

        (questions[from].Position, questions[to].Position) = (questions[to].Position, questions[from].Position);
        await SaveAsync("question.moved", $"question:{questions[from].Key}", $"to place {to + 1} of {questions.Count}", cancellation);
        return RedirectWithNotice($"Moved “{questions[from].Key}” to place {to + 1}.", ListPage);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellation)
    {
        var question = (await QuestionsAsync(cancellation)).Find(q => q.Id == id);
        if (question is null)
        {
            return NotFound();
        }

        if (await Db.Set<Answer>().AnyAsync(a => a.QuestionId == id, cancellation))
        {
            return RedirectWithNotice($"“{question.Key}” has been answered, so it cannot be deleted; edit its wording instead.", ListPage);
        }

        Db.Remove(question);
        await SaveAsync("question.deleted", $"question:{question.Key}", Text.Shorten(question.Prompt), cancellation);
        return RedirectWithNotice($"Deleted “{question.Key}”.", ListPage);
    }

    // Positions are made consecutive first, so a swap always moves a question exactly one place.
    private async Task<List<Question>> QuestionsAsync(CancellationToken cancellation)
    {
        var season = await Db.Seasons.CurrentAsync(cancellation);
        var form = season is null ? null : await GeneralForm.FindAsync(Db, season.Id, cancellation);
        var questions = form?.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id).ToList() ?? [];
        for (var i = 0; i < questions.Count; i++)
        {
            questions[i].Position = i;
        }

        return questions;
    }
}
