using System.ComponentModel.DataAnnotations;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Cohort.Web.Pages.Admin.Mentors;

/// <summary>
/// Creates a mentor profile (/admin/mentors/new) or edits one (/admin/mentors/{slug}/edit). Linking the profile
/// to an account, by the account's email, is what lets that person sign in as this mentor.
/// </summary>
public sealed class MentorFormModel(CohortDbContext db, AuditLog audit, UserManager<CohortUser> users)
    : RecordForm<Mentor, MentorFormModel.MentorInput>(db, audit)
{
    public sealed class MentorInput : RecordInput
    {
        [Required, StringLength(200)]
        public string Name { get; set; } = "";

        [Required, StringLength(80), Slug]
        public string Slug { get; set; } = "";

        [StringLength(300)]
        public string? Affiliation { get; set; }

        [Display(Name = "Bio")]
        public string? BioMarkdown { get; set; }

        [EmailAddress, StringLength(256), Display(Name = "Contact email")]
        public string? Email { get; set; }

        [EmailAddress, StringLength(256), Display(Name = "Linked account (email)")]
        public string? AccountEmail { get; set; }
    }

    private string? linkedEmail;
    private CohortUser? account;

    protected override string Kind => "mentor";

    protected override string ListPage => "/Admin/Mentors/Index";

    protected override async Task<Mentor?> FindAsync(string key, CancellationToken cancellation)
    {
        var mentor = await Db.Mentors.SingleOrDefaultAsync(m => m.SeasonId == Season.Id && m.Slug == key, cancellation);
        linkedEmail = mentor?.UserId is { } userId
            ? await Db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellation)
            : null;
        return mentor;
    }

    protected override MentorInput Read(Mentor mentor) => new()
    {
        Version = mentor.Version,
        Name = mentor.Name,
        Slug = mentor.Slug,
        Affiliation = mentor.Affiliation,
        BioMarkdown = mentor.BioMarkdown,
        Email = mentor.Email,
        AccountEmail = linkedEmail,
    };

    protected override Mentor Add()
    {
        var mentor = new Mentor { Slug = Input.Slug, Name = Input.Name, SeasonId = Season.Id };
        Db.Mentors.Add(mentor);
        return mentor;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        if (await Db.Mentors.AnyAsync(m => m.SeasonId == Season.Id && m.Slug == Input.Slug && m != Record, cancellation))
        {
            ModelState.AddModelError("Input.Slug", $"Another mentor of this season already uses the slug '{Input.Slug}'.");
        }

        if (string.IsNullOrWhiteSpace(Input.AccountEmail) || ModelState.GetFieldValidationState("Input.AccountEmail") == ModelValidationState.Invalid)
        {
            return;
        }

        account = await users.FindByEmailAsync(Input.AccountEmail.Trim());
        if (account is null)
        {
            ModelState.AddModelError("Input.AccountEmail", $"No account uses the email {Input.AccountEmail}. Ask the mentor to create an account first, or leave this empty.");
        }
        else if (await Db.Mentors.AnyAsync(m => m.SeasonId == Season.Id && m.UserId == account.Id && m != Record, cancellation))
        {
            ModelState.AddModelError("Input.AccountEmail", $"The account {Input.AccountEmail} is already linked to another mentor of this season.");
        }
    }

    protected override Task ApplyAsync(Mentor mentor, CancellationToken cancellation)
    {
        mentor.Name = Input.Name;
        mentor.Slug = Input.Slug;
        mentor.Affiliation = Input.Affiliation ?? "";
        mentor.BioMarkdown = Input.BioMarkdown ?? "";
        mentor.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        mentor.UserId = account?.Id;
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> ChangedBeyondFields(Mentor mentor) =>
        string.Equals(linkedEmail, account?.Email, StringComparison.OrdinalIgnoreCase) ? []
        : account is null ? ["unlinked from its account"]
        : [$"linked to the account {account.Email}"];

    // The role is granted after the profile is saved, because UserManager saves on its own.
    protected override async Task AfterSaveAsync(Mentor mentor, CancellationToken cancellation)
    {
        if (account is not null && !await users.IsInRoleAsync(account, Roles.Mentor))
        {
            await users.AddToRoleAsync(account, Roles.Mentor);
        }
    }

    protected override string Name(Mentor mentor) => mentor.Slug;
}
