using System.Text.RegularExpressions;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Pipeline;

/// <summary>Which records of one stage of a season a decisions read selects; null means any.</summary>
public sealed record DecisionFilter(int SeasonId, StageKind Stage, ApplicationState? State = null, int? StreamId = null);

/// <summary>
/// One change of a record's state, from the audit log: when, who (<see cref="ActorId"/> null for the system, the
/// command line or a token), the state it left (null for a submission, which leaves the draft) and the state it
/// entered, and the subject of the mailing that told the applicant about it, if one did.
/// </summary>
public sealed record DecisionChange(DateTime At, string? ActorId, string Actor, string? From, ApplicationState To, string? Mail);

/// <summary>
/// An applicant's record at a stage, what decisions act on: the general application (stages 1 and 2, whose assessment
/// entries are decided by it), or the stream application (stage 3), with its state now and every change that led there.
/// </summary>
public sealed record DecisionRow(
    int Id, StageKind Stage, int ApplicationId, int? StreamId, string Stream, string ApplicantId, ApplicationState State, DateTime UpdatedAt,
    IReadOnlyList<DecisionChange> History);

/// <summary>
/// The one query of decisions with their history, paged by record id: <c>/api/v1/decisions</c> reads a page, the
/// decisions export every page of each stage. The history is the audit log's entries on the record for its stage
/// (submission, withdrawal, and each decision <see cref="DecideApplications"/> records as "FROM → TO"); a decision's
/// mail is the mailing (<see cref="Mail.SendTemplatedMail"/>) sent after it, before the record changed again, that
/// selected the stage and that state (or any state) and queued a message to the applicant.
/// </summary>
public static partial class DecisionRows
{
    private sealed record Record(int Id, int ApplicationId, int? StreamId, string Stream, string ApplicantId, ApplicationState State, DateTime UpdatedAt);

    public static async Task<IReadOnlyList<DecisionRow>> PageAsync(CohortDbContext db, DecisionFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var records = await RecordsAsync(db, filter, afterId, take, cancellation);
        var subjects = records.Select(r => Subject(filter.Stage, r.Id)).ToList();
        var prefix = filter.Stage switch { StageKind.General => "application.", StageKind.Assessment => "assessments.", _ => "stream-application." };
        var entries = (await db.AuditEntries.AsNoTracking().Where(e => subjects.Contains(e.Subject) && e.Action.StartsWith(prefix))
                .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellation))
            .ToLookup(e => e.Subject);
        var mail = await MailingsAsync(db, records.Select(r => r.ApplicantId).Distinct().ToList(),
            entries.SelectMany(g => g).Select(e => (DateTime?)e.At).Min(), cancellation);
        return records.Select(r =>
        {
            var changes = entries[Subject(filter.Stage, r.Id)]
                .Select(e => (Entry: e, To: Enum.TryParse<ApplicationState>(e.Action[prefix.Length..], ignoreCase: true, out var to) ? to : (ApplicationState?)null))
                .Where(c => c.To is not null).ToList();
            var history = changes.Select((c, i) => new DecisionChange(c.Entry.At, c.Entry.ActorId, c.Entry.Actor, From(c.Entry.Details), c.To!.Value,
                    mail(r.ApplicantId, filter.Stage, c.To.Value, c.Entry.At, i + 1 < changes.Count ? changes[i + 1].Entry.At : DateTime.MaxValue)))
                .ToList();
            return new DecisionRow(r.Id, filter.Stage, r.ApplicationId, r.StreamId, r.Stream, r.ApplicantId, r.State, r.UpdatedAt, history);
        }).ToList();
    }

    /// <summary>How the audit log names the record a decision at <paramref name="stage"/> acts on.</summary>
    private static string Subject(StageKind stage, int id) => stage == StageKind.Streams ? $"stream-application:{id}" : $"application:{id}";

    private static async Task<List<Record>> RecordsAsync(CohortDbContext db, DecisionFilter filter, int afterId, int take, CancellationToken cancellation)
    {
        var general = db.Applications.AsNoTracking().Where(a => a.Id > afterId && a.Form!.SeasonId == filter.SeasonId && a.Form.Kind == FormKind.General);
        return filter.Stage switch
        {
            StageKind.General => await general.Where(a => a.State != ApplicationState.Draft && (filter.State == null || a.State == filter.State))
                .OrderBy(a => a.Id).Take(take)
                .Select(a => new Record(a.Id, a.Id, null, "", a.ApplicantId, a.State, a.UpdatedAt)).ToListAsync(cancellation),
            // One row per applicant, keyed by the general application like the pipeline's: every track's entry moves together.
            StageKind.Assessment => await general
                .Select(a => new { a.Id, a.ApplicantId, Entry = AssessmentEntries.Of(db, filter.SeasonId).Where(e => e.ApplicantId == a.ApplicantId).OrderBy(e => e.Id).FirstOrDefault() })
                .Where(a => a.Entry != null && (filter.State == null || a.Entry.State == filter.State))
                .OrderBy(a => a.Id).Take(take)
                .Select(a => new Record(a.Id, a.Id, null, "", a.ApplicantId, a.Entry!.State, a.Entry.UpdatedAt)).ToListAsync(cancellation),
            _ => await db.StreamApplications.AsNoTracking()
                .Where(s => s.Id > afterId && s.Stream!.Track!.SeasonId == filter.SeasonId && s.State != ApplicationState.Draft
                    && (filter.State == null || s.State == filter.State) && (filter.StreamId == null || s.StreamId == filter.StreamId))
                .OrderBy(s => s.Id).Take(take)
                .Select(s => new Record(s.Id,
                    db.Applications.Where(a => a.ApplicantId == s.ApplicantId && a.Form!.SeasonId == filter.SeasonId && a.Form.Kind == FormKind.General).Select(a => a.Id).FirstOrDefault(),
                    s.StreamId, s.Stream!.Name, s.ApplicantId, s.State, s.UpdatedAt))
                .ToListAsync(cancellation),
        };
    }

    /// <summary>The state a change left, from its audit details: "Submitted → Advanced" or "…, was Submitted"; null for a submission.</summary>
    private static string? From(string details) => LeftState().Match(details) is { Success: true } m ? m.Groups["from"].Value : null;

    [GeneratedRegex(@"^(?<from>\w+) → |, was (?<from>\w+)$")]
    private static partial Regex LeftState();

    /// <summary>A mailing as its audit entry records it: when, its subject line, and the selection it was sent to.</summary>
    private sealed record Mailing(DateTime At, string Subject, string Selection);

    /// <summary>
    /// A lookup of the mailing that told an applicant about a change, for the applicants of a page. The outbox has each
    /// message; the mailing's audit entry, saved with them, has the template's subject and the selection.
    /// </summary>
    private static async Task<Func<string, StageKind, ApplicationState, DateTime, DateTime, string?>> MailingsAsync(
        CohortDbContext db, List<string> applicantIds, DateTime? since, CancellationToken cancellation)
    {
        var mailings = since is null ? [] : (await db.AuditEntries.AsNoTracking().Where(e => e.Action == "mail.sent" && e.At >= since).OrderBy(e => e.At)
                .Select(e => new { e.At, e.Subject, e.Details }).ToListAsync(cancellation))
            .Select(e => new Mailing(e.At, e.Subject.StartsWith("mail:", StringComparison.Ordinal) ? e.Subject[5..] : e.Subject, e.Details)).ToList();
        if (mailings.Count == 0)
        {
            return (_, _, _, _, _) => null;
        }

        var emails = await db.Users.AsNoTracking().Where(u => applicantIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellation);
        var addresses = emails.Values.ToList();
        var sent = (await db.OutboxMessages.AsNoTracking().Where(m => addresses.Contains(m.To) && m.CreatedAt >= since)
                .Select(m => new { m.To, m.CreatedAt }).ToListAsync(cancellation))
            .ToLookup(m => m.To, m => m.CreatedAt);
        return (applicant, stage, state, from, until) => emails.TryGetValue(applicant, out var email)
            ? mailings.FirstOrDefault(m => m.At >= from && m.At < until
                && (m.Selection.Contains($"({stage} applications, state {state},", StringComparison.Ordinal) || m.Selection.Contains($"({stage} applications, state any,", StringComparison.Ordinal))
                && sent[email].Any(at => at <= m.At && at >= m.At - QueuedWithin))?.Subject
            : null;
    }

    /// <summary>A mailing queues its messages just before its audit entry, in the same save: this bounds how long before.</summary>
    private static readonly TimeSpan QueuedWithin = TimeSpan.FromMinutes(1);
}
