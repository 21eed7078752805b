using System.ComponentModel.DataAnnotations;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Rubrics;

/// <summary>
/// Creates a rubric (/admin/rubrics/new) or edits one with all its criteria (/admin/rubrics/{id}/edit), guarded by the
/// rubric's version. Criteria are reordered by their order numbers, removed by a tick (unless reviews already score
/// them) and added through the empty row at the end. Every criterion is checked as reviewers will use it: a scale,
/// anchors within it, a positive weight.
/// </summary>
public sealed class RubricFormModel(CohortDbContext db, AuditLog audit) : RecordForm<Rubric, RubricFormModel.RubricInput>(db, audit)
{
    public sealed class RubricInput : RecordInput
    {
        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        [StringLength(20_000), Display(Name = "Instructions for reviewers")]
        public string? InstructionsMarkdown { get; set; }

        public List<CriterionInput> Criteria { get; set; } = [];

        public CriterionInput NewCriterion { get; set; } = new();
    }

    public sealed class CriterionInput
    {
        public int Id { get; set; }

        [Display(Name = "Order")]
        public int Order { get; set; }

        [StringLength(200)]
        public string? Name { get; set; }

        [StringLength(2000)]
        public string? Description { get; set; }

        [Display(Name = "Scale from")]
        public int ScaleMin { get; set; } = 1;

        [Display(Name = "Scale to")]
        public int ScaleMax { get; set; } = 5;

        [StringLength(4000), Display(Name = "Anchors")]
        public string? AnchorsText { get; set; }

        public double Weight { get; set; } = 1;

        [Display(Name = "Remove this criterion")]
        public bool Remove { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(AnchorsText);

        public RubricCriterion ToCriterion() => new()
        {
            Name = Name?.Trim() ?? "", Description = Description?.Trim() ?? "", ScaleMin = ScaleMin, ScaleMax = ScaleMax,
            AnchorsText = AnchorsText?.Trim() ?? "", Weight = Weight,
        };
    }

    private readonly List<string> removed = [];

    protected override string Kind => "rubric";

    protected override string ListPage => "/Admin/Rubrics/Index";

    protected override Task<Rubric?> FindAsync(string key, CancellationToken cancellation) =>
        Db.Rubrics.Include(r => r.Criteria).SingleOrDefaultAsync(r => r.SeasonId == Season.Id && r.Id == int.Parse(key), cancellation);

    protected override RubricInput Read(Rubric rubric) => new()
    {
        Version = rubric.Version,
        Name = rubric.Name,
        InstructionsMarkdown = rubric.InstructionsMarkdown,
        Criteria = rubric.Criteria.OrderBy(c => c.Position).Select((c, i) => new CriterionInput
        {
            Id = c.Id, Order = i + 1, Name = c.Name, Description = c.Description, ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax,
            AnchorsText = c.AnchorsText, Weight = c.Weight,
        }).ToList(),
        NewCriterion = new CriterionInput { Order = rubric.Criteria.Count + 1 },
    };

    protected override Rubric Add()
    {
        var rubric = new Rubric { SeasonId = Season.Id, Name = Input.Name };
        Db.Rubrics.Add(rubric);
        return rubric;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        var known = Record?.Criteria.Select(c => c.Id).ToHashSet() ?? [];
        if (Input.Criteria.Any(c => !known.Contains(c.Id)))
        {
            ModelState.AddModelError("", "A criterion of this form no longer exists; reload the page.");
            return;
        }

        var removing = Input.Criteria.Where(c => c.Remove).Select(c => c.Id).ToList();
        var scored = await Db.Set<CriterionScore>().Where(s => removing.Contains(s.CriterionId)).Select(s => s.CriterionId).Distinct().ToListAsync(cancellation);
        foreach (var (input, prefix) in Input.Criteria.Select((c, i) => (c, $"Input.Criteria[{i}]")).Append((Input.NewCriterion, "Input.NewCriterion")))
        {
            if (scored.Contains(input.Id))
            {
                ModelState.AddModelError($"{prefix}.{nameof(CriterionInput.Remove)}", $"“{input.Name}” already has reviewers' scores, so it cannot be removed.");
            }

            if (input.Remove || (prefix == "Input.NewCriterion" && input.IsEmpty))
            {
                continue;
            }

            foreach (var (field, problem) in RubricRules.Problems(input.ToCriterion()))
            {
                ModelState.AddModelError($"{prefix}.{field}", problem);
            }
        }

        if (Input.Criteria.All(c => c.Remove) && Input.NewCriterion.IsEmpty)
        {
            ModelState.AddModelError("Input.NewCriterion.Name", "A rubric needs at least one criterion for reviewers to score.");
        }
    }

    protected override Task ApplyAsync(Rubric rubric, CancellationToken cancellation)
    {
        rubric.Name = Input.Name.Trim();
        rubric.InstructionsMarkdown = Input.InstructionsMarkdown ?? "";
        var ordered = new List<(int Order, RubricCriterion Criterion)>();
        foreach (var input in Input.Criteria)
        {
            var criterion = rubric.Criteria.Single(c => c.Id == input.Id);
            if (input.Remove)
            {
                rubric.Criteria.Remove(criterion);
                Db.Remove(criterion);
                removed.Add($"removed criterion '{criterion.Name}'");
                continue;
            }

            var changed = input.ToCriterion();
            (criterion.Name, criterion.Description, criterion.ScaleMin, criterion.ScaleMax, criterion.AnchorsText, criterion.Weight) =
                (changed.Name, changed.Description, changed.ScaleMin, changed.ScaleMax, changed.AnchorsText, changed.Weight);
            ordered.Add((input.Order, criterion));
        }

        if (!Input.NewCriterion.IsEmpty)
        {
            var added = Input.NewCriterion.ToCriterion();
            rubric.Criteria.Add(added);
            ordered.Add((Input.NewCriterion.Order, added));
        }

        // Order numbers may tie or skip; ties keep the criteria's previous order, and positions are renumbered from 0.
        var position = 0;
        foreach (var (_, criterion) in ordered.OrderBy(o => o.Order))
        {
            criterion.Position = position++;
        }

        return Task.CompletedTask;
    }

    protected override IEnumerable<string> ChangedBeyondFields(Rubric rubric)
    {
        Db.ChangeTracker.DetectChanges();
        return rubric.Criteria
            .Select(c => (Criterion: c, State: Db.Entry(c).State))
            .Where(c => c.State is EntityState.Added or EntityState.Modified)
            .Select(c => $"{(c.State == EntityState.Added ? "added" : "changed")} criterion '{c.Criterion.Name}'")
            .Concat(removed)
            .ToList();
    }

    protected override string Name(Rubric rubric) => rubric.Name;
}
