using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Cohort.Core.Review;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Pages.Admin.Review.Pool;

/// <summary>
/// Adds an account to the current season's reviewer pool (/admin/review/pool/new), which gives it the Reviewer role,
/// or edits a reviewer's profile (/admin/review/pool/{id}/edit): organisation, expertise, interests and load range.
/// </summary>
public sealed class ReviewerFormModel(CohortDbContext db, AuditLog audit, UserManager<CohortUser> users)
    : RecordForm<ReviewerProfile, ReviewerFormModel.ReviewerInput>(db, audit)
{
    public const int LoadLimit = 1000;

    public sealed class ReviewerInput : RecordInput
    {
        [EmailAddress, StringLength(256), Display(Name = "Account (email)")]
        public string? AccountEmail { get; set; }

        [StringLength(200)]
        public string? Organisation { get; set; }

        [StringLength(2000), Display(Name = "Expertise tags")]
        public string? Expertise { get; set; }

        [StringLength(2000)]
        public string? Interests { get; set; }

        [Range(0, LoadLimit), Display(Name = "Fewest reviews per round")]
        public int MinLoad { get; set; }

        [Range(0, LoadLimit), Display(Name = "Most reviews per round")]
        public int MaxLoad { get; set; } = 30;
    }

    private CohortUser? account;

    /// <summary>The reviewer's account email, shown (not editable) when editing.</summary>
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

    protected override ReviewerInput Read(ReviewerProfile profile) => new()
    {
        Version = profile.Version,
        Organisation = profile.Organisation,
        Expertise = profile.ExpertiseText,
        Interests = profile.InterestsText,
        MinLoad = profile.MinLoad,
        MaxLoad = profile.MaxLoad,
    };

    protected override ReviewerProfile Add()
    {
        var profile = new ReviewerProfile { SeasonId = Season.Id, UserId = account!.Id };
        Db.ReviewerProfiles.Add(profile);
        return profile;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        if (Input.MinLoad > Input.MaxLoad)
        {
            ModelState.AddModelError("Input.MaxLoad", "The most reviews per round cannot be fewer than the fewest.");
        }

        if (!IsNew)
        {
            return;
        }

        account = string.IsNullOrWhiteSpace(Input.AccountEmail) ? null : await users.FindByEmailAsync(Input.AccountEmail.Trim());
        if (account is null)
        {
            ModelState.AddModelError("Input.AccountEmail", $"No account uses the email “{Input.AccountEmail}”. Ask the reviewer to create an account first.");
        }
        else if (await Db.ReviewerProfiles.AnyAsync(p => p.SeasonId == Season.Id && p.UserId == account.Id, cancellation))
        {
            ModelState.AddModelError("Input.AccountEmail", $"{account.Email} is already in this season's reviewer pool.");
        }

        Email = account?.Email;
    }

    protected override Task ApplyAsync(ReviewerProfile profile, CancellationToken cancellation)
    {
        profile.Organisation = Input.Organisation?.Trim() ?? "";
        profile.ExpertiseText = Lines(Input.Expertise);
        profile.InterestsText = Lines(Input.Interests);
        profile.MinLoad = Input.MinLoad;
        profile.MaxLoad = Input.MaxLoad;
        return Task.CompletedTask;
    }

    // The role is granted after the profile is saved, because UserManager saves on its own.
    protected override async Task AfterSaveAsync(ReviewerProfile profile, CancellationToken cancellation)
    {
        if (account is not null && !await users.IsInRoleAsync(account, Roles.Reviewer))
        {
            await users.AddToRoleAsync(account, Roles.Reviewer);
        }
    }

    protected override string Name(ReviewerProfile profile) => Email ?? profile.UserId;

    // One tag a line, whatever the admin typed: no blank lines, no stray spaces.
    private static string Lines(string? text) =>
        string.Join('\n', (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
