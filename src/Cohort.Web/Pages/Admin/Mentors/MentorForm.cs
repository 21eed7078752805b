using System.ComponentModel.DataAnnotations;

namespace Cohort.Web.Pages.Admin.Mentors;

/// <summary>
/// Creates a mentor profile (/admin/mentors/new) or edits one (/admin/mentors/{slug}/edit). The account the mentor
/// signs in with is linked by invitation, on the mentor's account page (/admin/mentors/{slug}/account).
/// </summary>
public sealed class MentorFormModel(CohortDbContext db, AuditLog audit) : RecordForm<Core.Catalogue.Mentor, MentorFormModel.MentorInput>(db, audit)
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
    }

    protected override string Kind => "mentor";

    protected override string ListPage => "/Admin/Mentors/Index";

    protected override Task<Core.Catalogue.Mentor?> FindAsync(string key, CancellationToken cancellation) =>
        Db.Mentors.SingleOrDefaultAsync(m => m.SeasonId == Season.Id && m.Slug == key, cancellation);

    protected override MentorInput Read(Core.Catalogue.Mentor mentor) => new()
    {
        Version = mentor.Version,
        Name = mentor.Name,
        Slug = mentor.Slug,
        Affiliation = mentor.Affiliation,
        BioMarkdown = mentor.BioMarkdown,
        Email = mentor.Email,
    };

    protected override Core.Catalogue.Mentor Add()
    {
        var mentor = new Core.Catalogue.Mentor { Slug = Input.Slug, Name = Input.Name, SeasonId = Season.Id };
        Db.Mentors.Add(mentor);
        return mentor;
    }

    protected override async Task CheckAsync(CancellationToken cancellation)
    {
        if (await CatalogueRules.MentorSlugProblemAsync(Db, Season.Id, Input.Slug, Record?.Id, cancellation) is { } problem)
        {
            ModelState.AddModelError("Input.Slug", problem);
        }
    }

    protected override Task ApplyAsync(Core.Catalogue.Mentor mentor, CancellationToken cancellation)
    {
        mentor.Name = Input.Name;
        mentor.Slug = Input.Slug;
        mentor.Affiliation = Input.Affiliation ?? "";
        mentor.BioMarkdown = Input.BioMarkdown ?? "";
        mentor.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        return Task.CompletedTask;
    }

    protected override string Name(Core.Catalogue.Mentor mentor) => mentor.Slug;
}
