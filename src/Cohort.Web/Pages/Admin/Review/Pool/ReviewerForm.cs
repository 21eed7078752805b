using System.ComponentModel.DataAnnotations;
using Cohort.Core.Review;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>
/// Edits a reviewer's profile in the current season's pool (/admin/review/pool/{id}/edit): organisation, expertise,
/// interests, load range and the expertise statement. People join the pool only by accepting an invitation
/// (/admin/review/pool/new); the statement is not part of the invitation, since reviewers write it themselves (/review/bids).
/// </summary>
public sealed class ReviewerFormModel(CohortDbContext db, AuditLog audit) : RecordForm<ReviewerProfile, ReviewerFormModel.ProfileInput>(db, audit)
{
    public sealed class ProfileInput : ReviewerTermsInput
    {
        [StringLength(ReviewerProfile.StatementLength), Display(Name = "Expertise statement")]
        public string? ExpertiseStatement { get; set; }
    }

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

    protected override ProfileInput Read(ReviewerProfile profile) => ReviewerTermsInput.From(profile, new ProfileInput { ExpertiseStatement = profile.ExpertiseStatement });

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
        profile.ExpertiseStatement = Input.ExpertiseStatement?.Trim() ?? "";
        return Task.CompletedTask;
    }

    protected override string Name(ReviewerProfile profile) => Email ?? profile.UserId;
}
