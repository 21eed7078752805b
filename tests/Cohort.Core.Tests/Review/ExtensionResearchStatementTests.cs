using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Review;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// What the semantic affinity compares for an extension round's application: its questions mark no research statement,
/// so it falls back to the long written answers, never the amount the reviewer also reads (which answers no question).
/// </summary>
public abstract class ExtensionResearchStatementTests(CoreServicesFixture core)
{
    [Fact]
    public async Task An_extension_application_is_compared_by_its_long_answers_without_the_amount()
    {
        var (statement, whole, longAnswers) = await core.RunAsync<CohortDbContext, (string Statement, BlindApplication Whole, List<string> LongAnswers)>(async db =>
        {
            var decided = await db.ExtensionRounds.Include(r => r.Questions).SingleAsync(r => r.Name == DemoExtensions.DecidedRound);
            var application = await db.ExtensionApplications.Include(a => a.Answers).FirstAsync(a => a.RoundId == decided.Id);
            var longQuestions = decided.Questions.Where(q => q.Kind == QuestionKind.LongText).Select(q => q.Id).ToHashSet();
            var round = new ReviewRound { SeasonId = decided.SeasonId, Name = "Extension review", Stage = StageKind.Extension, ExtensionRoundId = decided.Id };
            var read = await ResearchStatement.ReadAsync(db, round, application.Id, CancellationToken.None);
            return (ResearchStatement.TextOf(read), await BlindApplication.ReadAsync(db, round, application.Id, null, CancellationToken.None),
                application.Answers.Where(a => longQuestions.Contains(a.QuestionId) && a.Value != "").Select(a => a.Value).ToList());
        });

        Assert.NotEmpty(longAnswers);
        Assert.All(longAnswers, answer => Assert.Contains(answer, statement));
        var amount = whole.Sections.SelectMany(s => s.Answers).Single(a => a.Prompt == "Amount requested");
        Assert.DoesNotContain(amount.Text, statement);
    }
}

public sealed class ExtensionResearchStatementOnSqlite(SqliteActivityCore core) : ExtensionResearchStatementTests(core), IClassFixture<SqliteActivityCore>;

public sealed class ExtensionResearchStatementOnPostgres(PostgresActivityCore core) : ExtensionResearchStatementTests(core), IClassFixture<PostgresActivityCore>;
