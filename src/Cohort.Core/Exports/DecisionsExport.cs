using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>decisions</c>: every record of every selection stage with its history, one row per change of state (a record
/// nothing changed yet has one row with empty change cells), from <see cref="DecisionRows"/>: when, by whom, from
/// which state to which, and the mailing that told the applicant. Identified adds the applicant's name and email. Blind
/// names no one who acted: "applicant" for the applicant's own submission or withdrawal, "staff" for a person who
/// decided, and the system, the command line or a token as themselves.
/// </summary>
public sealed class DecisionsExport(CohortDbContext db) : ExportKind
{
    public override string Name => "decisions";
    public override string Title => "Decisions with their history";
    public override string Scope => ApiScopes.ApplicationsRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var rows = new List<DecisionRow>();
        foreach (var stage in StageKinds.Selection)
        {
            var filter = new DecisionFilter(request.SeasonId, stage, StreamId: request.StreamId);
            rows.AddRange(await ExportPages.AllAsync((after, take) => DecisionRows.PageAsync(db, filter, after, take, cancellation), r => r.Id));
        }

        var identified = request.View == ExportView.Identified;
        var people = identified ? await ApplicantReferences.IdentitiesAsync(db, rows.Select(r => r.ApplicantId).Distinct().ToList(), cancellation) : null;
        string[] columns =
        [
            "stage", "record", "record_id", "application_id", "stream_id", "stream", .. identified ? ["applicant", "email"] : Array.Empty<string>(),
            "state", "changed_at", "changed_by", "from", "to", "mail",
        ];
        return new ExportRows(columns, rows.SelectMany(r =>
        {
            var person = people?.GetValueOrDefault(r.ApplicantId);
            object?[] record =
            [
                StageKinds.Name(r.Stage), Review.ReviewRows.SubjectKind(r.Stage), r.Id, r.ApplicationId, r.StreamId,
                r.Stage == StageKind.Streams ? r.Stream : null, .. identified ? [person?.Name, person?.Email] : Array.Empty<object?>(), r.State.ToString(),
            ];
            return r.History.Count == 0
                ? [[.. record, null, null, null, null, null]]
                : r.History.Select(c => (object?[])[.. record, c.At, identified ? c.Actor : Blind(c, r.ApplicantId), c.From, c.To.ToString(), c.Mail]);
        }).ToList());
    }

    /// <summary>Who acted, in the blind view: the applicant and the staff by role; the system, the command line and tokens by name.</summary>
    private static string Blind(DecisionChange change, string applicantId) =>
        change.ActorId is null ? change.Actor : change.ActorId == applicantId ? "applicant" : "staff";
}
