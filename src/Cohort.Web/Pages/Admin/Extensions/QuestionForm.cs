using Cohort.Core.Applications;
using Cohort.Core.Extensions;
using Cohort.Web.Pages.Admin.Forms;

namespace Cohort.Web.Pages.Admin.Extensions;

/// <summary>
/// Adds a question to an extension round's form (/admin/extensions/{round}/questions/new) or edits one, with the
/// general form's own editor and checks. An extension form asks no file questions: the round is decided on what the
/// fellow writes and their mentors' endorsements, and the fellow's work is already on record as artifacts.
/// </summary>
public sealed class ExtensionQuestionFormModel(CohortDbContext db, AuditLog audit) : QuestionEditor<ExtensionQuestion, QuestionFields>(db, audit)
{
    [BindProperty(SupportsGet = true)]
    public int Round { get; set; }

    public ExtensionRound ExtensionRound { get; private set; } = null!;

    public override IEnumerable<QuestionKind> OfferedKinds => Enum.GetValues<QuestionKind>().Where(k => k != QuestionKind.File);

    protected override string ListPage => "/Admin/Extensions/Show";

    protected override object? ListRoute => new { id = Round };

    protected override async Task<bool> FindScopeAsync(CancellationToken cancellation)
    {
        var round = await Db.ExtensionRounds.Include(r => r.Questions.OrderBy(q => q.Position)).SingleOrDefaultAsync(r => r.Id == Round, cancellation);
        ExtensionRound = round!;
        return round is not null;
    }

    protected override Task<IReadOnlyList<ExtensionQuestion>?> SiblingsAsync(CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<ExtensionQuestion>?>(ExtensionRound.Questions);

    protected override ExtensionQuestion Add()
    {
        var question = new ExtensionQuestion { Key = Input.Key, Prompt = Input.Prompt };
        ExtensionRound.Questions.Add(question);
        return question;
    }
}
