using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>One application a round reviews, with what conflicts and affinities read from it.</summary>
public sealed record ReviewSubject(int Id, string Label, ApplicantFacts Applicant, IReadOnlyList<StreamName> Streams, string Text);

/// <summary>One reviewer of the season's pool, as assignment sees them.</summary>
public sealed record PoolReviewer(ReviewerProfile Profile, ReviewerFacts Facts, string Label);

/// <summary>
/// Everything assignment needs to know about a round: its subjects (stage 1: submitted general applications; stage 2:
/// those stage 1 advanced; stage 3: the stream's submitted applications; an extension round's submitted applications;
/// never drafts or withdrawals), the pool, and who conflicts with whom. An extension application's applicant is read
/// in the season of their fellowship (their organisation, for conflicts), and its text is their extension answers.
/// </summary>
public sealed class ReviewRoundFacts
{
    /// <summary>The answers affinities and topics read as text: written and chosen ones, never files, links or dates.</summary>
    internal static readonly QuestionKind[] WrittenKinds = [QuestionKind.ShortText, QuestionKind.LongText, QuestionKind.SingleChoice, QuestionKind.MultipleChoice];

    private readonly IReadOnlyDictionary<(int SubjectId, string ReviewerId), BidLevel> bids;

    private ReviewRoundFacts(ReviewRound round, IReadOnlyList<ReviewSubject> subjects, IReadOnlyList<PoolReviewer> reviewers,
        IReadOnlyDictionary<(int SubjectId, string ReviewerId), BidLevel> bids) =>
        (Round, Subjects, Reviewers, this.bids) = (round, subjects, reviewers, bids);

    public ReviewRound Round { get; }

    public IReadOnlyList<ReviewSubject> Subjects { get; }

    public IReadOnlyList<PoolReviewer> Reviewers { get; }

    /// <summary>Assignments that count against loads and coverage: every one not declined.</summary>
    public IEnumerable<ReviewAssignment> Active => Round.Assignments.Where(a => a.State != AssignmentState.Declined);

    public const string SimultaneousChange = "Someone else changed this round's assignments at the same moment, so nothing was saved. Reload the page and try again.";

    /// <summary>
    /// Saves a change to <paramref name="round"/>'s assignments guarded by the round's version, so two changes made at
    /// once cannot together break coverage or loads; false (and nothing saved) when another change came first.
    /// </summary>
    public static async Task<bool> SaveAsync(CohortDbContext db, ReviewRound round, CancellationToken cancellation)
    {
        db.Entry(round).Property(r => r.Version).IsModified = true;
        return await db.TrySaveAsync(cancellation);
    }

    /// <summary>How many active assignments each reviewer has in the round.</summary>
    public Dictionary<string, int> Loads() => Active.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());

    public static string? Conflict(PoolReviewer reviewer, ReviewSubject subject) => Conflicts.Between(reviewer.Facts, subject.Applicant);

    /// <summary>
    /// The keyword and tag points of <see cref="Affinity"/>: the keyword part of the pair's affinity (<see cref="PairAffinities"/>),
    /// and the order of a reviewer's bid sheet.
    /// </summary>
    public static int ExpertiseAffinityOf(PoolReviewer reviewer, ReviewSubject subject) =>
        Affinity.Of(reviewer.Profile.Interests, reviewer.Profile.Expertise, subject.Streams, subject.Text);

    /// <summary>The reviewer's bid on the subject in this round; null when they made none.</summary>
    public BidLevel? BidOf(PoolReviewer reviewer, ReviewSubject subject) =>
        bids.TryGetValue((subject.Id, reviewer.Profile.UserId), out var level) ? level : null;

    /// <summary>How many bids the reviewer made in this round, conflicts included.</summary>
    public int BidCountOf(PoolReviewer reviewer) => bids.Keys.Count(k => k.ReviewerId == reviewer.Profile.UserId);

    /// <summary>Loads the facts of <paramref name="round"/>, whose assignments must be loaded; of one subject only, if given.</summary>
    public static async Task<ReviewRoundFacts> LoadAsync(CohortDbContext db, ReviewRound round, int? onlySubjectId, CancellationToken cancellation)
    {
        var applicantSeason = await ApplicantSeasonAsync(db, round, cancellation);
        var general = GeneralApplications(db, applicantSeason);
        var subjects = await SubjectRowsAsync(db, round, applicantSeason, onlySubjectId, cancellation);
        var applicantIds = subjects.Select(s => s.ApplicantId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => applicantIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, Email: u.Email ?? ""), cancellation);
        var generalOf = await general.Where(g => applicantIds.Contains(g.ApplicantId)).ToDictionaryAsync(g => g.Id, g => g.ApplicantId, cancellation);
        var generalIds = generalOf.Keys.ToList();
        var answers = (await db.Set<Answer>().AsNoTracking().Where(a => generalIds.Contains(a.ApplicationId))
                .Join(db.Set<Question>(), a => a.QuestionId, q => q.Id, (a, q) => new { a.ApplicationId, q.Identity, q.Kind, a.Value })
                .ToListAsync(cancellation))
            .ToLookup(a => generalOf[a.ApplicationId]);
        var streams = await StreamsAsync(db, round, applicantSeason, applicantIds, cancellation);
        var streamTexts = round.Stage switch
        {
            StageKind.Streams => await StreamTextsAsync(db, round, applicantIds, cancellation),
            StageKind.Extension => await ExtensionTextsAsync(db, round, applicantIds, cancellation),
            _ => null,
        };

        var reviewSubjects = subjects.Select(s =>
        {
            var mine = answers[s.ApplicantId].ToList();
            var organisations = mine.Where(a => a.Identity == IdentityFlag.Organisation).Select(a => a.Value).ToList();
            var text = streamTexts?[s.ApplicantId] ?? string.Join('\n', mine.Where(a => WrittenKinds.Contains(a.Kind)).Select(a => a.Value));
            var (name, email) = people[s.ApplicantId];
            return new ReviewSubject(s.Id, $"#{s.Id} {name}", new ApplicantFacts(s.ApplicantId, email, organisations), streams[s.ApplicantId].ToList(), text);
        }).OrderBy(s => s.Id).ToList();
        var bids = await db.Bids.AsNoTracking().Where(b => b.RoundId == round.Id && (onlySubjectId == null || b.SubjectId == onlySubjectId))
            .ToDictionaryAsync(b => (b.SubjectId, b.ReviewerId), b => b.Level, cancellation);
        return new ReviewRoundFacts(round, reviewSubjects, await ReviewersAsync(db, round.SeasonId, cancellation), bids);
    }

    /// <summary>The ids of every subject of <paramref name="round"/>, in order: what the round's semantic affinity compares.</summary>
    public static async Task<IReadOnlyList<int>> SubjectIdsAsync(CohortDbContext db, ReviewRound round, CancellationToken cancellation) =>
        (await SubjectRowsAsync(db, round, await ApplicantSeasonAsync(db, round, cancellation), null, cancellation)).Select(s => s.Id).Order().ToList();

    private sealed record SubjectRow(int Id, string ApplicantId);

    private static IQueryable<Application> GeneralApplications(CohortDbContext db, int applicantSeason) =>
        db.Applications.AsNoTracking().Where(a => a.Form!.SeasonId == applicantSeason && a.Form.Kind == FormKind.General);

    /// <summary>The round's subjects with their applicants (of one subject only, if given): never drafts or withdrawals.</summary>
    private static async Task<List<SubjectRow>> SubjectRowsAsync(CohortDbContext db, ReviewRound round, int applicantSeason, int? onlySubjectId, CancellationToken cancellation)
    {
        var general = GeneralApplications(db, applicantSeason);
        return round.Stage switch
        {
            StageKind.Extension => await db.ExtensionApplications.AsNoTracking()
                .Where(a => a.RoundId == round.ExtensionRoundId && a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn)
                .Where(a => onlySubjectId == null || a.Id == onlySubjectId)
                .Join(db.Fellowships, a => a.FellowshipId, f => f.Id, (a, f) => new SubjectRow(a.Id, f.ApplicantId)).ToListAsync(cancellation),
            StageKind.General => await general.Where(a => a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn)
                .Where(a => onlySubjectId == null || a.Id == onlySubjectId).Select(a => new SubjectRow(a.Id, a.ApplicantId)).ToListAsync(cancellation),
            StageKind.Assessment => await general.Where(a => AssessmentEntries.Of(db, round.SeasonId).Any(e => e.ApplicantId == a.ApplicantId) && a.State != ApplicationState.Withdrawn)
                .Where(a => onlySubjectId == null || a.Id == onlySubjectId).Select(a => new SubjectRow(a.Id, a.ApplicantId)).ToListAsync(cancellation),
            _ => await db.StreamApplications.AsNoTracking()
                .Where(a => a.StreamId == round.StreamId && a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn)
                .Where(a => onlySubjectId == null || a.Id == onlySubjectId).Select(a => new SubjectRow(a.Id, a.ApplicantId)).ToListAsync(cancellation),
        };
    }

    private static async Task<IReadOnlyList<PoolReviewer>> ReviewersAsync(CohortDbContext db, int seasonId, CancellationToken cancellation)
    {
        var profiles = await db.ReviewerProfiles.AsNoTracking().Include(p => p.Conflicts).Where(p => p.SeasonId == seasonId).ToListAsync(cancellation);
        var ids = profiles.Select(p => p.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, Email: u.Email ?? ""), cancellation);
        return profiles.Select(p => new PoolReviewer(p,
                new ReviewerFacts(p.UserId, people[p.UserId].Email, p.Organisation, p.Conflicts.Select(c => c.ApplicantId).ToHashSet()),
                $"{people[p.UserId].DisplayName} ({people[p.UserId].Email})"))
            .OrderBy(r => r.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>The season whose applications say who the round's applicants are: the fellowship's for an extension round, else the round's own.</summary>
    public static async Task<int> ApplicantSeasonAsync(CohortDbContext db, ReviewRound round, CancellationToken cancellation) =>
        round.Stage == StageKind.Extension
            ? await db.ExtensionRounds.Where(r => r.Id == round.ExtensionRoundId).Select(r => r.SeasonId).SingleAsync(cancellation)
            : round.SeasonId;

    /// <summary>Stage 3: the round's stream. Otherwise the streams the applicant has applied to in <paramref name="applicantSeason"/>, if any yet.</summary>
    private static async Task<ILookup<string, StreamName>> StreamsAsync(CohortDbContext db, ReviewRound round, int applicantSeason, List<string> applicantIds, CancellationToken cancellation)
    {
        var applied = db.StreamApplications.AsNoTracking().Where(a => applicantIds.Contains(a.ApplicantId) && a.Stream!.Track!.SeasonId == applicantSeason
            && a.State != ApplicationState.Draft && a.State != ApplicationState.Withdrawn);
        if (round.Stage == StageKind.Streams)
        {
            var stream = await db.Streams.AsNoTracking().Where(s => s.Id == round.StreamId).Select(s => new StreamName(s.Slug, s.Name)).SingleAsync(cancellation);
            return applicantIds.ToLookup(id => id, _ => stream);
        }

        return (await applied.Select(a => new { a.ApplicantId, a.Stream!.Slug, a.Stream.Name }).ToListAsync(cancellation))
            .ToLookup(a => a.ApplicantId, a => new StreamName(a.Slug, a.Name));
    }

    /// <summary>Stage 3 reads the applicant's written answers to the questions the round's stream asks.</summary>
    private static async Task<Dictionary<string, string>> StreamTextsAsync(CohortDbContext db, ReviewRound round, List<string> applicantIds, CancellationToken cancellation)
    {
        var answers = await db.StreamAnswers.AsNoTracking()
            .Where(a => applicantIds.Contains(a.ApplicantId))
            .Join(db.StreamQuestions.Where(q => q.AskedBy.Any(x => x.StreamId == round.StreamId)),
                a => a.QuestionId, q => q.Id, (a, q) => new WrittenAnswer(a.ApplicantId, q.Kind, a.Value))
            .ToListAsync(cancellation);
        return Texts(applicantIds, answers);
    }

    private sealed record WrittenAnswer(string ApplicantId, QuestionKind Kind, string Value);

    /// <summary>Each applicant's written answers joined, one a line; empty for an applicant with none.</summary>
    private static Dictionary<string, string> Texts(List<string> applicantIds, List<WrittenAnswer> answers)
    {
        var texts = applicantIds.ToDictionary(id => id, _ => "");
        foreach (var group in answers.Where(a => WrittenKinds.Contains(a.Kind)).GroupBy(a => a.ApplicantId))
        {
            texts[group.Key] = string.Join('\n', group.Select(a => a.Value));
        }

        return texts;
    }

    /// <summary>An extension round's subjects read as their written answers to the round's questions.</summary>
    private static async Task<Dictionary<string, string>> ExtensionTextsAsync(CohortDbContext db, ReviewRound round, List<string> applicantIds, CancellationToken cancellation)
    {
        var answers = await db.ExtensionAnswers.AsNoTracking()
            .Join(db.ExtensionApplications.Where(a => a.RoundId == round.ExtensionRoundId), x => x.ApplicationId, a => a.Id, (x, a) => new { x.QuestionId, x.Value, a.FellowshipId })
            .Join(db.Fellowships.Where(f => applicantIds.Contains(f.ApplicantId)), x => x.FellowshipId, f => f.Id, (x, f) => new { x.QuestionId, x.Value, f.ApplicantId })
            .Join(db.ExtensionQuestions, x => x.QuestionId, q => q.Id, (x, q) => new WrittenAnswer(x.ApplicantId, q.Kind, x.Value))
            .ToListAsync(cancellation);
        return Texts(applicantIds, answers);
    }
}
