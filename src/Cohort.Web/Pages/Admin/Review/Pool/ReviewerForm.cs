using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>
/// Edits a reviewer's profile in the current season's pool (/admin/review/pool/{id}/edit): organisation, expertise,
/// interests and load range. People join the pool only by accepting an invitation (/admin/review/pool/new).
/// </summary>
public sealed class ReviewerFormModel(CohortDbContext db, AuditLog audit) : RecordForm<ReviewerProfile, ReviewerTermsInput>(db, audit)
{
    /// <summary>The reviewer's account email, shown (not editable).</summary>
    public string? Email { get; private set; }

    protected override string Kind => "reviewer";

    protected override string ListPage => "/Admin/Review/Pool/Index";

    protected override async Task<ReviewerProfile?> FindAsync(string key, CancellationToken cancellation)
    {
        var profile = int.TryParse(key, out var id)
            ? await Db.ReviewerProfiles.SingleOrDefaultAsync(p => p.Id == id && p.SeasonId == Season.Id, cancellation)
            : null;
        Email = profile is null ? null : await Db.Users.Where(u => u.Id == profile.UserId).Select(u => u.Email).SingleAsync(cancellation);
        return profile;
    }

    protected override ReviewerTermsInput Read(ReviewerProfile profile) => ReviewerTermsInput.From(profile);

    // The page's route always names a profile, so it never creates one.
    protected override ReviewerProfile Add() => throw new InvalidOperationException("Reviewers join the pool by accepting an invitation.");

    protected override Task CheckAsync(CancellationToken cancellation)
    {
        if (Input.LoadProblem is { } problem)
        {
            ModelState.AddModelError("Input.MaxLoad", problem);
        }

        return Task.CompletedTask;
    }

    protected override Task ApplyAsync(ReviewerProfile profile, CancellationToken cancellation)
    {
        Input.ToTerms().ApplyTo(profile);
        return Task.CompletedTask;
    }

    protected override string Name(ReviewerProfile profile) => Email ?? profile.UserId;
}
