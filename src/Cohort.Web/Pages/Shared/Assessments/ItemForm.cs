using System.ComponentModel.DataAnnotations;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Cohort.Web.Pages.Shared.Assessments;

/// <summary>
/// The assessment editor's item form: adds an item to an assessment or edits one, for admins
/// (<c>Admin.Assessments.ItemFormModel</c>) and a stream's mentors (<c>Mentor.Assessments.StreamItemFormModel</c>).
/// Items scored automatically need a consistent answer key; items reviewers score need a rubric.
/// </summary>
public abstract class ItemForm(CohortDbContext db, AuditLog audit) : RecordForm<AssessmentItem, ItemForm.ItemInput>(db, audit)
{
    public sealed class ItemInput : RecordInput
    {
        public ItemKind Kind { get; set; }

        [Required, StringLength(2000)]
        public string Prompt { get; set; } = "";

        [Range(0, 1000, ErrorMessage = "Points must be a whole number from 0 to 1000.")]
        public int Points { get; set; } = 1;

        [StringLength(5000), Display(Name = "Options")]
        public string? ChoicesText { get; set; }

        [StringLength(5000), Display(Name = "Answer key")]
        public string? AnswerKey { get; set; }

        [Range(0, double.MaxValue, ErrorMessage = "The tolerance may not be negative.")]
        public double Tolerance { get; set; }

        [StringLength(5000), Display(Name = "Rubric")]
        public string? RubricText { get; set; }

        public IdentityFlag Identity { get; set; }
    }

    public static IReadOnlyList<SelectListItem> Kinds { get; } =
        Enum.GetValues<ItemKind>().Select(k => new SelectListItem(k.ToString(), k.ToString())).ToList();

    /// <summary>The assessment the item belongs to, or null when the address names none of this season's.</summary>
    public Assessment? Parent { get; private set; }

    public EditorLinks Links => Scope.Links;

    protected override string Kind => "assessmentitem";

    protected override string Noun => "assessment item";

    /// <summary>Whose items the page may edit, and where it leads.</summary>
    protected abstract EditorScope Scope { get; }

    protected override string ListPage => Scope.ListPage;

    protected override object? ListRoute => Scope.ListRoute;

    private IQueryable<Assessment> Editable => Scope.Editable(Db, Season);

    /// <summary>A new item's address names its assessment: one this page may not edit answers 404, like a missing one.</summary>
    protected override async Task<bool> FindScopeAsync(CancellationToken cancellation)
    {
        if (!await Scope.FindAsync(Db, this, cancellation))
        {
            return false;
        }

        if (!RouteData.Values.ContainsKey("assessment"))
        {
            return true;
        }

        await LoadParentAsync(cancellation);
        return Parent is not null;
    }

    protected override Task<AssessmentItem?> FindAsync(string key, CancellationToken cancellation) =>
        Db.Set<AssessmentItem>().SingleOrDefaultAsync(i => i.Id == int.Parse(key) && Editable.Any(a => a.Id == i.AssessmentId), cancellation);

    protected override ItemInput Read(AssessmentItem item) => new()
    {
        Kind = item.Kind,
        Prompt = item.Prompt,
        Points = item.Points,
        ChoicesText = item.ChoicesText,
        AnswerKey = item.AnswerKey,
        Tolerance = item.Tolerance,
        RubricText = item.RubricText,
        Identity = item.Identity,
    };

    protected override AssessmentItem Add()
    {
        var item = new AssessmentItem { AssessmentId = Parent!.Id, Prompt = Input.Prompt, Position = Parent.Items.Count == 0 ? 0 : Parent.Items.Max(i => i.Position) + 1 };
        Db.Add(item);
        return item;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        await LoadParentAsync(cancellation);
        if (Parent is null)
        {
            ModelState.AddModelError("", "This assessment does not exist in the current season, or is not yours to edit.");
        }

        foreach (var (field, problem) in Problems(Input))
        {
            ModelState.AddModelError($"Input.{field}", problem);
        }
    }

    /// <summary>What makes an item impossible to score: each problem named with the field to fix.</summary>
    private static IEnumerable<(string Field, string Problem)> Problems(ItemInput input)
    {
        var probe = new AssessmentItem { Prompt = input.Prompt, Kind = input.Kind, ChoicesText = input.ChoicesText ?? "", AnswerKey = input.AnswerKey ?? "" };
        var choices = probe.Choices;
        if (input.Kind is ItemKind.MultipleChoice or ItemKind.Ordering && (choices.Count < 2 || choices.Distinct().Count() != choices.Count))
        {
            yield return (nameof(ItemInput.ChoicesText), "Give at least two different options, one a line.");
        }

        switch (input.Kind)
        {
            case ItemKind.MultipleChoice when !choices.Contains(probe.AnswerKey.Trim()):
                yield return (nameof(ItemInput.AnswerKey), "The answer key must be one of the options, written the same way.");
                break;
            case ItemKind.Numeric when AutoScoring.ParseNumber(probe.AnswerKey) is null:
                yield return (nameof(ItemInput.AnswerKey), "The answer key must be a number, with a point for decimals (like 0.75).");
                break;
            case ItemKind.Ordering when !probe.KeyOrder.Order().SequenceEqual(choices.Order()):
                yield return (nameof(ItemInput.AnswerKey), "The answer key must list every option once, one a line, in the correct order.");
                break;
            case ItemKind.FreeText or ItemKind.Code or ItemKind.File when string.IsNullOrWhiteSpace(input.RubricText):
                yield return (nameof(ItemInput.RubricText), "Reviewers score this kind of item: say what a good answer shows and how points are given.");
                break;
        }
    }

    protected override Task ApplyAsync(AssessmentItem item, CancellationToken cancellation)
    {
        item.Kind = Input.Kind;
        item.Prompt = Input.Prompt;
        item.Points = Input.Points;
        item.ChoicesText = Input.ChoicesText ?? "";
        item.AnswerKey = Input.AnswerKey ?? "";
        item.Tolerance = Input.Tolerance;
        item.RubricText = Input.RubricText ?? "";
        item.Identity = Input.Identity;
        return Task.CompletedTask;
    }

    protected override string Name(AssessmentItem item) => Text.Shorten(item.Prompt);

    protected override Task LoadChoicesAsync(CancellationToken cancellation) => LoadParentAsync(cancellation);

    private async Task LoadParentAsync(CancellationToken cancellation)
    {
        var id = Record?.AssessmentId ?? (int.TryParse(RouteData.Values["assessment"] as string, out var routed) ? routed : 0);
        Parent = await Editable.Include(a => a.Items).SingleOrDefaultAsync(a => a.Id == id, cancellation);
    }
}
