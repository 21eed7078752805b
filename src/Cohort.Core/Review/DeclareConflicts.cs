using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>A conflict to declare: a reviewer of the season's pool and an applicant, both by their account's email.</summary>
public sealed record ConflictDeclaration(string ReviewerEmail, string ApplicantEmail, string Reason = "");

/// <summary>What is wrong with the <paramref name="Index"/>-th declaration's <paramref name="Field"/> ("reviewer", "applicant" or "reason").</summary>
public sealed record ConflictProblem(int Index, string Field, string Message);

/// <param name="Declared">Conflicts added.</param>
/// <param name="Unchanged">Declarations of a conflict that was already declared.</param>
public sealed record ConflictsOutcome(IReadOnlyList<ConflictProblem> Problems, int Declared, int Unchanged);

/// <summary>
/// Declares conflicts between reviewers of a season's pool and applicants, all or nothing: every declaration is checked
/// (the reviewer is in the pool, the applicant has an account, the reason fits) before any is saved, and each added
/// conflict has its audit entry. A conflict declared already is counted, not added twice, so a repeat changes nothing.
/// The admin's conflicts page declares one at a time through it; the API, several.
/// </summary>
public sealed class DeclareConflicts(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int ReasonLength = 500;

    public async Task<ConflictsOutcome> RunAsync(Actor actor, int seasonId, IReadOnlyList<ConflictDeclaration> declarations, CancellationToken cancellation = default)
    {
        var emails = declarations.SelectMany(d => new[] { d.ReviewerEmail, d.ApplicantEmail }).Select(Normalise).Distinct().ToList();
        var accounts = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.Email, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, cancellation);
        var profiles = await db.ReviewerProfiles.Include(p => p.Conflicts).Where(p => p.SeasonId == seasonId)
            .ToDictionaryAsync(p => p.UserId, cancellation);

        var problems = new List<ConflictProblem>();
        var added = new List<(ReviewerProfile Profile, string ApplicantId, string Reason, string Reviewer, string Applicant)>();
        var unchanged = 0;
        for (var i = 0; i < declarations.Count; i++)
        {
            var declaration = declarations[i];
            var reviewer = accounts.GetValueOrDefault(Normalise(declaration.ReviewerEmail));
            var profile = reviewer is null ? null : profiles.GetValueOrDefault(reviewer.Id);
            var applicant = accounts.GetValueOrDefault(Normalise(declaration.ApplicantEmail));
            if (profile is null)
            {
                problems.Add(new(i, "reviewer", $"“{declaration.ReviewerEmail}” is not in this season's reviewer pool."));
            }

            if (applicant is null)
            {
                problems.Add(new(i, "applicant", $"No account uses the email “{declaration.ApplicantEmail}”."));
            }

            if (declaration.Reason.Trim().Length > ReasonLength)
            {
                problems.Add(new(i, "reason", $"must be at most {ReasonLength} characters."));
            }

            if (profile is null || applicant is null)
            {
                continue;
            }

            if (profile.Conflicts.Any(c => c.ApplicantId == applicant.Id) || added.Any(a => a.Profile == profile && a.ApplicantId == applicant.Id))
            {
                unchanged++;
            }
            else
            {
                added.Add((profile, applicant.Id, declaration.Reason.Trim(), reviewer!.Email ?? "", applicant.Email ?? ""));
            }
        }

        if (problems.Count > 0)
        {
            return new(problems, 0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (profile, applicantId, reason, reviewer, applicant) in added)
        {
            profile.Conflicts.Add(new DeclaredConflict { ApplicantId = applicantId, Reason = reason, DeclaredAt = now });
            audit.Record(actor, "reviewer.conflict-declared", $"reviewer:{reviewer}", $"with {applicant}");
        }

        // The unique index on (reviewer, applicant) refuses a conflict declared meanwhile by someone else.
        return await db.TrySaveAsync(cancellation)
            ? new([], added.Count, unchanged)
            : new([new(0, "reviewer", "Another change to these conflicts was saved meanwhile, so nothing was saved: send the declarations again.")], 0, 0);
    }

    private static string Normalise(string email) => email.Trim().ToUpperInvariant();
}
