using Cohort.Core.Applications;

namespace Cohort.Web.Pages.Admin.Pipeline;

/// <summary>One application with every answer, the applicant's eligibility, and the decision buttons.</summary>
public class ShowModel(CohortDbContext db) : PageModel
{
    public sealed record Row(Question Question, Answer? Answer);

    public Application Application { get; private set; } = null!;

    public string ApplicantName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public List<Row> Rows { get; private set; } = [];

    public List<AnswerProblem> EligibilityProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string stage, int id, CancellationToken cancellation)
    {
        var application = await db.Applications.AsNoTracking()
            .Include(a => a.Answers)
            .Include(a => a.Form).ThenInclude(f => f!.Questions)
            .SingleOrDefaultAsync(a => a.Id == id, cancellation);
        if (application is null || !string.Equals(application.Form!.Kind.ToString(), stage, StringComparison.OrdinalIgnoreCase))
        {
            return NotFound();
        }

        Application = application;
        var applicant = await db.Users.AsNoTracking().SingleAsync(u => u.Id == application.ApplicantId, cancellation);
        (ApplicantName, Email) = (applicant.DisplayName, applicant.Email ?? "");
        var questions = application.Form.Questions.OrderBy(q => q.Position).ToList();
        Rows = questions.Select(q => new Row(q, application.Answers.SingleOrDefault(a => a.QuestionId == q.Id))).ToList();
        var season = await db.Seasons.AsNoTracking().SingleAsync(s => s.Id == application.Form.SeasonId, cancellation);
        EligibilityProblems = Eligibility.Check(season, questions, application.Answers.ToDictionary(a => a.QuestionId, a => a.Value)).ToList();
        return Page();
    }
}
