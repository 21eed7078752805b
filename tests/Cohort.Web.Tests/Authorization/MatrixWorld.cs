using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Authorization;

/// <summary>What the sweep runs against: the targets, the owner, and each persona's signed-in browser, the admin last.</summary>
public sealed class MatrixWorld(CohortApp app, Targets targets, string ownerId, IReadOnlyList<(Persona Persona, Browser Browser)> personas)
{
    public Targets Targets => targets;

    public IReadOnlyList<(Persona Persona, Browser Browser)> Personas => personas;

    /// <summary>
    /// Everything of the owner's a persona could change, in one string: general and stream applications, offer,
    /// interview, pitch, answers and their scores, work test, files, rankings, and the review of their application.
    /// Equal before and after the non-admin personas ran means none of their POSTs changed anything of the owner's.
    /// Every list is ordered: without ORDER BY, PostgreSQL may return the same rows in another order once autovacuum's
    /// statistics change the plan, and the two strings would differ with nothing changed.
    /// </summary>
    public Task<string> OwnerSnapshotAsync() => app.WithDbAsync(async db =>
    {
        var project = int.Parse(targets.Project, System.Globalization.CultureInfo.InvariantCulture);
        var answers = db.Set<AttemptAnswer>().Where(a => db.Attempts.Any(t => t.Id == a.AttemptId && t.ApplicantId == ownerId));
        IEnumerable<string> parts =
        [
            .. await db.Applications.Where(a => a.ApplicantId == ownerId).OrderBy(a => a.Id).Select(a => $"general {a.Id} {a.State} {a.UpdatedAt:O}").ToListAsync(),
            .. await db.StageEntries.Where(e => e.ApplicantId == ownerId).OrderBy(e => e.Id).Select(e => $"entry {e.Id} {e.State} {e.UpdatedAt:O}").ToListAsync(),
            .. await db.StreamApplications.Where(a => a.ApplicantId == ownerId).OrderBy(a => a.Id).Select(a => $"stream {a.Id} {a.State} {a.UpdatedAt:O}").ToListAsync(),
            .. await db.Offers.Where(o => o.ApplicantId == ownerId).OrderBy(o => o.Id).Select(o => $"offer {o.Id} {o.State} {o.Version}").ToListAsync(),
            .. await db.InterviewSlots.Where(s => s.BookedById == ownerId).OrderBy(s => s.Id).Select(s => $"slot {s.Id} {s.StartsAt:O} {s.Version}").ToListAsync(),
            .. await db.Projects.Where(p => p.Id == project).Select(p => $"pitch {p.State} {p.Title} {p.Capacity} {p.UpdatedAt:O}").ToListAsync(),
            .. await answers.OrderBy(a => a.Id).Select(a => $"answer {a.Id} {a.Value}").ToListAsync(),
            .. await db.AnswerReviews.Where(r => answers.Any(a => a.Id == r.AnswerId)).OrderBy(r => r.Id).Select(r => $"score {r.Id} {r.Points}").ToListAsync(),
            .. await db.WorkTestSubmissions.Where(w => w.ApplicantId == ownerId).OrderBy(w => w.Id).Select(w => $"work test {w.Id} {w.FileId}").ToListAsync(),
            .. await db.StoredFiles.Where(f => f.OwnerId == ownerId).OrderBy(f => f.Id).Select(f => $"file {f.Id} {f.Length}").ToListAsync(),
            .. await db.ApplicantStreamPreferences.Where(r => r.ApplicantId == ownerId).OrderBy(r => r.Id).Select(r => $"ranks {r.StreamApplicationId} {r.Position}").ToListAsync(),
            .. await db.StreamPreferences.Where(e => db.StreamApplications.Any(a => a.Id == e.StreamApplicationId && a.ApplicantId == ownerId))
                .OrderBy(e => e.Id).Select(e => $"ranked {e.StreamId} {e.Position} {e.NotAcceptable}").ToListAsync(),
            .. await db.ReviewAssignments.Where(a => db.Applications.Any(x => x.Id == a.SubjectId && x.ApplicantId == ownerId) && a.Round!.Stage == Core.Catalogue.StageKind.General)
                .OrderBy(a => a.Id).Select(a => $"assignment {a.Id} {a.ReviewerId} {a.State} {(a.Review == null ? "" : a.Review.UpdatedAt.ToString("O"))}").ToListAsync(),
        ];
        return string.Join('\n', parts);
    });
}
