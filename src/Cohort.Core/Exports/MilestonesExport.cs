using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Programme;

namespace Cohort.Core.Exports;

/// <summary>
/// <c>milestones</c>: one row per fellow and milestone that applies to them, from <see cref="MilestoneRows"/> (a
/// milestone nobody has yet, such as an undecided extension round's, is one row with empty fellow cells): the due
/// time, the submission (its link, the length of its text, its file's name), whether it was late, and the sign-off.
/// The blind view takes the fellow's identity out of the link, the file name and the comment (<see cref="FellowRedaction"/>).
/// </summary>
public sealed class MilestonesExport(CohortDbContext db, TimeProvider clock) : ExportKind
{
    public override string Name => "milestones";
    public override string Title => "Milestones with each fellow's submission and sign-off";
    public override string Scope => ApiScopes.ProgrammeRead;

    public override async Task<ExportRows> BuildAsync(ExportRequest request, CancellationToken cancellation)
    {
        var filter = new MilestoneFilter(request.SeasonId, request.StreamId);
        var now = clock.GetUtcNow().UtcDateTime;
        var milestones = await ExportPages.AllAsync((after, take) => MilestoneRows.PageAsync(db, filter, now, after, take, cancellation), m => m.Id);
        var identified = request.View == ExportView.Identified;
        var fellows = milestones.SelectMany(m => m.Progress.Select(p => (m.SeasonId, p.ApplicantId))).Distinct().ToList();
        var people = identified ? await ApplicantReferences.IdentitiesAsync(db, fellows.Select(f => f.ApplicantId).Distinct().ToList(), cancellation) : null;
        var redaction = identified ? null : await FellowRedaction.ForAsync(db, fellows, cancellation);
        string[] columns =
        [
            "milestone_id", "milestone", "due_at", "submission_kind", "requires_sign_off", "extension_round_id", "fellowship_id", .. IdentityColumns(request.View),
            "stream", "submitted_at", "late", "link", "text_length", "file_name", "sign_off", "comment", "signed_off_by", "signed_off_at",
        ];
        return new ExportRows(columns, milestones.SelectMany(m =>
        {
            object?[] milestone = [m.Id, m.Title, m.DueAt, m.Submission.ToString(), m.RequiresSignOff, m.ExtensionRoundId];
            if (m.Progress.Count == 0)
            {
                return [[.. milestone, .. new object?[columns.Length - milestone.Length]]];
            }

            return m.Progress.Select(p =>
            {
                var person = people?.GetValueOrDefault(p.ApplicantId);
                string? Text(string? text) => redaction is null ? text : redaction.Apply(m.SeasonId, p.ApplicantId, text);
                return (object?[])
                [
                    .. milestone, p.FellowshipId, .. IdentityCells(request.View, person?.Name, person?.Email), p.Stream, p.SubmittedAt, p.Late, Text(p.Link), p.TextLength,
                    Text(p.FileName), p.SignOff?.ToString(), Text(p.Comment), p.SignedOffBy, p.SignedOffAt,
                ];
            });
        }).ToList());
    }
}
