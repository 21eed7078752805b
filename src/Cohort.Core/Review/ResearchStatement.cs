using Cohort.Core.Applications;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>
/// A subject's research statement as a reviewer of its round may read it, blind as the season's settings say: the
/// answers to the questions marked as the research statement, or, when none of those is there to read, its long written
/// answers. Bidders read it, the semantic affinity compares it and the season's embedding job embeds it ahead of use, so
/// the sentences an affinity quotes ("why") are never more than a reviewer may see, and the vector cache never holds a
/// vector of an identity field the settings hide.
/// </summary>
public static class ResearchStatement
{
    private static bool Marked(QuestionDefinition question) => question.IsResearchStatement;

    private static bool LongWritten(QuestionDefinition question) => question.Kind == QuestionKind.LongText;

    public static async Task<BlindApplication> ReadAsync(CohortDbContext db, ReviewRound round, int subjectId, CancellationToken cancellation)
    {
        var statement = await BlindApplication.ReadAsync(db, round, subjectId, Marked, cancellation);
        return statement.Sections.Count > 0 ? statement : await BlindApplication.ReadAsync(db, round, subjectId, LongWritten, cancellation);
    }

    /// <summary>The statement's written answers as one text, a paragraph each (so no sentence runs into the next answer).</summary>
    public static string TextOf(BlindApplication statement) => TextOf(statement.Sections.SelectMany(s => s.Answers));

    /// <summary>
    /// The research statement as its applicant wrote it, for their own eyes only, so nothing is redacted: the answers to
    /// the questions marked as the statement, or, when none of those is answered, the long written answers, a paragraph
    /// each. The same answers a round reads, so its sentences are the blind ones wherever redaction changed nothing
    /// (and their vectors are already in the cache).
    /// </summary>
    public static string OwnText(IReadOnlyList<GivenAnswer> given)
    {
        var answered = given.Where(g => g.Value.Trim().Length > 0).ToList();
        var marked = answered.Where(g => Marked(g.Question)).ToList();
        return string.Join("\n\n", (marked.Count > 0 ? marked : answered.Where(g => LongWritten(g.Question))).Select(g => g.Value.Trim()));
    }

    private static string TextOf(IEnumerable<BlindAnswer> answers) =>
        string.Join("\n\n", answers.Where(a => a.Kind is BlindAnswerKind.Text or BlindAnswerKind.Code).Select(a => a.Text));

    /// <summary>
    /// The research statements of season <paramref name="seasonId"/>'s submitted general applications as a stage 1 or 2
    /// round of the season reads them (the same text <see cref="ReadAsync"/> gives), read in a few queries for all of them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OfSeasonAsync(CohortDbContext db, int seasonId, CancellationToken cancellation) =>
        [.. (await OfGeneralApplicationsAsync(db, seasonId, db.Applications.Where(a => a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn), cancellation)).Values];

    /// <summary>
    /// The research statements of the general applications of season <paramref name="seasonId"/> among
    /// <paramref name="applications"/>, by application id, as a stage 1 or 2 round of the season reads them: the same
    /// text <see cref="ReadAsync"/> gives for each, in a few queries for all of them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> OfGeneralApplicationsAsync(CohortDbContext db, int seasonId, IQueryable<Application> applications, CancellationToken cancellation)
    {
        var settings = await BlindApplication.SettingsAsync(db, seasonId, cancellation);
        var loaded = await applications.AsNoTracking().Include(a => a.Answers)
            .Where(a => a.Form!.SeasonId == seasonId && a.Form.Kind == FormKind.General)
            .ToListAsync(cancellation);
        var formIds = loaded.Select(a => a.FormId).Distinct().ToList();
        var questions = (await db.Set<Question>().AsNoTracking().Where(q => formIds.Contains(q.FormId)).ToListAsync(cancellation))
            .OrderBy(q => q.Position).ToLookup(q => q.FormId);
        var applicantIds = loaded.Select(a => a.ApplicantId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => applicantIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, Email: u.Email ?? ""), cancellation);
        var elsewhere = await BlindReader.FlaggedElsewhereAsync(db, seasonId, applicantIds, cancellation);
        return loaded.OrderBy(a => a.Id).ToDictionary(a => a.Id, application =>
        {
            var given = questions[application.FormId]
                .Select(q => new GivenAnswer(q, application.Answers.SingleOrDefault(a => a.QuestionId == q.Id)?.Value ?? "")).ToList();
            var (name, email) = people[application.ApplicantId];
            var reader = BlindReader.Of(settings, name, email, given, elsewhere[application.ApplicantId]);
            var marked = given.Where(g => Marked(g.Question)).Select(reader.Read).OfType<BlindAnswer>().ToList();
            return TextOf(marked.Count > 0 ? marked : given.Where(g => LongWritten(g.Question)).Select(reader.Read).OfType<BlindAnswer>());
        });
    }
}
