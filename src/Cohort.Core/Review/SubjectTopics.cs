using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>Where a set of applications took its topics from.</summary>
public enum TopicSource
{
    /// <summary>No source gave any application a topic.</summary>
    None,

    /// <summary>The general form's research-area question: the first option chosen, in the question's own order.</summary>
    ResearchArea,

    /// <summary>The stream applied to: the one ranked first, else the earliest submitted (stage 3: the application's stream).</summary>
    Stream,

    /// <summary>The pool's expertise tag found in the application's text that most reviewers share.</summary>
    AffinityCluster,
}

/// <summary>
/// The topic of each application (a general application, or a stream application for stage 3), or none, and the
/// source they came from. One source serves the whole set, so topics compare like with like (see
/// docs/decisions/review.md, "Topics").
/// </summary>
public sealed record SubjectTopicMap(TopicSource Source, IReadOnlyDictionary<int, string?> Topics)
{
    public static readonly SubjectTopicMap Empty = new(TopicSource.None, new Dictionary<int, string?>());

    /// <summary>The topic of application <paramref name="id"/>, or null.</summary>
    public string? Of(int id) => Topics.GetValueOrDefault(id);

    /// <summary>The applications with a topic, as calibration takes them (<see cref="Calibration.Fit"/>).</summary>
    public IReadOnlyDictionary<int, string> Known => Topics.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!);

    /// <summary>The distinct topics, in ordinal order.</summary>
    public IReadOnlyList<string> Distinct => Topics.Values.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Loads the topics of applications, for bridging in reviewer assignment and for calibration's diagnostic. The sources,
/// in order: the research-area question, the stream, the affinity clusters. The first that gives at least two distinct
/// topics is used (a stage-3 round is one stream, so the stream cannot tell its applications apart); when none does,
/// the first that gives any.
/// </summary>
public static class SubjectTopics
{
    /// <summary>One application as topics read it: its id, applicant and own stream (stage 3).</summary>
    private sealed record Item(int Id, string ApplicantId, string? OwnStream);

    /// <summary>What the affinity clusters read: each application's text by id, and the pool's expertise tags.</summary>
    private sealed record ClusterInputs(IReadOnlyDictionary<int, string> Texts, IReadOnlyList<IReadOnlyList<string>> Expertise);

    /// <summary>The topics of a round's subjects, read from the facts assignment already loaded.</summary>
    public static Task<SubjectTopicMap> OfRoundAsync(CohortDbContext db, ReviewRoundFacts facts, CancellationToken cancellation = default) =>
        ChooseAsync(db, facts.Round.SeasonId,
            facts.Subjects.Select(s => new Item(s.Id, s.Applicant.ApplicantId, facts.Round.Stage == StageKind.Streams ? s.Streams.Single().Name : null)).ToList(),
            _ => Task.FromResult(new ClusterInputs(facts.Subjects.ToDictionary(s => s.Id, s => s.Text), facts.Reviewers.Select(r => r.Profile.Expertise).ToList())),
            cancellation);

    /// <summary>
    /// The topics of a stage's applications by id: general application ids for stages 1 and 2, stream application ids
    /// for stage 3 (of one stream or several). The text the clusters read is the general application's written answers,
    /// and for stage 3 also the answers to the questions the application's stream asks; it is read only when neither
    /// research areas nor streams tell the applications apart, since it is most of this method's cost.
    /// </summary>
    public static async Task<SubjectTopicMap> OfApplicationsAsync(CohortDbContext db, int seasonId, StageKind stage, IReadOnlyCollection<int> ids, CancellationToken cancellation = default)
    {
        var owners = stage == StageKind.Streams
            ? await db.StreamApplications.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.ApplicantId, a.StreamId, Stream = (string?)a.Stream!.Name }).ToListAsync(cancellation)
            : await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.ApplicantId, StreamId = 0, Stream = (string?)null }).ToListAsync(cancellation);
        var items = owners.Select(o => new Item(o.Id, o.ApplicantId, o.Stream)).ToList();
        return await ChooseAsync(db, seasonId, items, async token =>
        {
            var applicantIds = owners.Select(o => o.ApplicantId).Distinct().ToList();
            var written = ReviewRoundFacts.WrittenKinds;
            var general = (await db.Applications.AsNoTracking()
                    .Where(a => a.Form!.SeasonId == seasonId && a.Form.Kind == FormKind.General && applicantIds.Contains(a.ApplicantId))
                    .SelectMany(a => a.Answers, (a, answer) => new { a.ApplicantId, answer.QuestionId, answer.Value })
                    .Join(db.Set<Question>().Where(q => written.Contains(q.Kind)), a => a.QuestionId, q => q.Id, (a, q) => new { a.ApplicantId, a.Value })
                    .ToListAsync(token))
                .ToLookup(a => a.ApplicantId, a => a.Value);
            var streamAnswers = stage == StageKind.Streams
                ? (await db.StreamAnswers.AsNoTracking().Where(a => applicantIds.Contains(a.ApplicantId))
                        .Join(db.StreamQuestions.Where(q => written.Contains(q.Kind)), a => a.QuestionId, q => q.Id,
                            (a, q) => new { a.ApplicantId, a.Value, Streams = q.AskedBy.Select(x => x.StreamId).ToList() })
                        .ToListAsync(token))
                    .SelectMany(a => a.Streams, (a, stream) => (a.ApplicantId, Stream: stream, a.Value)).ToLookup(a => (a.ApplicantId, a.Stream), a => a.Value)
                : null;
            var texts = owners.ToDictionary(o => o.Id, o => string.Join('\n', general[o.ApplicantId].Concat(streamAnswers?[(o.ApplicantId, o.StreamId)] ?? [])));
            var expertise = (await db.ReviewerProfiles.AsNoTracking().Where(p => p.SeasonId == seasonId).ToListAsync(token)).Select(p => p.Expertise).ToList();
            return new ClusterInputs(texts, expertise);
        }, cancellation);
    }

    private static async Task<SubjectTopicMap> ChooseAsync(
        CohortDbContext db, int seasonId, IReadOnlyList<Item> items, Func<CancellationToken, Task<ClusterInputs>> clusterInputs, CancellationToken cancellation)
    {
        if (items.Count == 0)
        {
            return SubjectTopicMap.Empty;
        }

        var applicantIds = items.Select(i => i.ApplicantId).Distinct().ToList();
        var researchAreas = await ResearchAreasAsync(db, seasonId, applicantIds, cancellation);
        var streams = items.Any(i => i.OwnStream is null) ? await FirstStreamsAsync(db, seasonId, applicantIds, cancellation) : [];
        var maps = new List<SubjectTopicMap>
        {
            new(TopicSource.ResearchArea, items.ToDictionary(i => i.Id, i => (string?)researchAreas.GetValueOrDefault(i.ApplicantId))),
            new(TopicSource.Stream, items.ToDictionary(i => i.Id, i => i.OwnStream ?? streams.GetValueOrDefault(i.ApplicantId))),
        };
        if (maps.All(m => m.Distinct.Count < 2))
        {
            var inputs = await clusterInputs(cancellation);
            var cluster = AffinityClusters(inputs.Expertise);
            maps.Add(new(TopicSource.AffinityCluster, items.ToDictionary(i => i.Id, i => cluster(inputs.Texts[i.Id]))));
        }

        return maps.FirstOrDefault(m => m.Distinct.Count >= 2) ?? maps.FirstOrDefault(m => m.Distinct.Count == 1) ?? SubjectTopicMap.Empty;
    }

    /// <summary>Each applicant's first chosen option of the research-area question, in the question's own order.</summary>
    private static async Task<Dictionary<string, string>> ResearchAreasAsync(CohortDbContext db, int seasonId, List<string> applicantIds, CancellationToken cancellation)
    {
        var question = await db.ApplicationForms.AsNoTracking().Where(f => f.SeasonId == seasonId && f.Kind == FormKind.General)
            .SelectMany(f => f.Questions).Where(q => q.DefinesTopic).FirstOrDefaultAsync(cancellation);
        if (question is null)
        {
            return [];
        }

        var answers = await db.Applications.AsNoTracking().Where(a => a.FormId == question.FormId && applicantIds.Contains(a.ApplicantId))
            .SelectMany(a => a.Answers.Where(x => x.QuestionId == question.Id), (a, x) => new { a.ApplicantId, x.Value }).ToListAsync(cancellation);
        var choices = question.Choices;
        var topics = new Dictionary<string, string>();
        foreach (var answer in answers)
        {
            var chosen = AnswerRules.Lines(answer.Value).ToHashSet(StringComparer.Ordinal);
            if (choices.FirstOrDefault(chosen.Contains) is { } first)
            {
                topics[answer.ApplicantId] = first;
            }
        }

        return topics;
    }

    /// <summary>Stages 1 and 2: each applicant's stream, the one they ranked first, else the earliest they submitted to.</summary>
    private static async Task<Dictionary<string, string>> FirstStreamsAsync(CohortDbContext db, int seasonId, List<string> applicantIds, CancellationToken cancellation)
    {
        var applied = await db.StreamApplications.AsNoTracking()
            .Where(a => applicantIds.Contains(a.ApplicantId) && a.Stream!.Track!.SeasonId == seasonId
                && a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn)
            .Select(a => new
            {
                a.ApplicantId, a.Stream!.Name, a.SubmittedAt, a.Id,
                Rank = db.ApplicantStreamPreferences.Where(p => p.StreamApplicationId == a.Id).Select(p => (int?)p.Position).FirstOrDefault(),
            })
            .ToListAsync(cancellation);
        return applied.GroupBy(a => a.ApplicantId).ToDictionary(g => g.Key, g => g
            .OrderBy(a => a.Rank ?? int.MaxValue).ThenBy(a => a.SubmittedAt ?? DateTime.MaxValue).ThenBy(a => a.Id).First().Name);
    }

    /// <summary>
    /// The pool's expertise tags as clusters: an application belongs to the tag found in its text that the most
    /// reviewers list (ties by ordinal name), or to none.
    /// </summary>
    private static Func<string, string?> AffinityClusters(IReadOnlyList<IReadOnlyList<string>> expertise)
    {
        var tags = expertise.SelectMany(tags => tags.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Tag: g.Key, Reviewers: g.Count()))
            .Where(t => t.Tag.Length > 0)
            .OrderByDescending(t => t.Reviewers).ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Select(t => (t.Tag, Pattern: Affinity.WordPattern(t.Tag))).ToList();
        return text => tags.FirstOrDefault(t => t.Pattern.IsMatch(text)).Tag;
    }
}
