using Cohort.Core.Applications;
using Cohort.Core.Pipeline;

namespace Cohort.Web.Pages.Admin.Pipeline;

/// <summary>
/// Base of the pages that act on a stage's applications as the pipeline filters select them (the table, a
/// mailing). The selection is in the query string, so a filtered list is a link and works without JavaScript.
/// </summary>
public abstract class SelectionPage(CohortDbContext db, AuditLog audit) : AdminPage(db, audit)
{
    public const string Eligible = "eligible";
    public const string NotEligible = "not-eligible";

    /// <summary>The stage as the address names it ("general"); each form kind is a stage.</summary>
    [BindProperty(SupportsGet = true)]
    public string Stage { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public ApplicationState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Eligibility { get; set; }

    public FormKind? Kind => Enum.TryParse<FormKind>(Stage, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public PipelineFilter Filter => new(State, Eligibility switch
    {
        Eligible => true,
        NotEligible => false,
        _ => null,
    });

    /// <summary>The selection as query values, to carry it from the table to a mailing and back.</summary>
    public Dictionary<string, string?> SelectionRoute => new()
    {
        ["stage"] = Stage.ToLowerInvariant(),
        ["state"] = State?.ToString(),
        ["eligibility"] = Eligibility,
    };

    public static IEnumerable<ApplicationState> States => Enum.GetValues<ApplicationState>();
}
