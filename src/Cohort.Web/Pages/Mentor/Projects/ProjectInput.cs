using System.ComponentModel.DataAnnotations;
using Cohort.Core.Projects;

namespace Cohort.Web.Pages.Mentor.Projects;

/// <summary>A project form as posted. Texts are nullable so a blank one reaches the use case, whose message names the problem.</summary>
public sealed class ProjectInput
{
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Capacity (how many fellows)")]
    public int Capacity { get; set; } = 1;

    public List<int> MentorIds { get; set; } = [];

    public ProjectDetails ToDetails() => new(Title ?? "", Description ?? "", Capacity, MentorIds);

    public static ProjectInput Of(Project project) => new()
    {
        Title = project.Title, Description = project.Description, Capacity = project.Capacity, MentorIds = project.Mentors.Select(m => m.MentorId).ToList(),
    };
}

/// <summary>What the mentor checkboxes partial draws: the stream's mentors, which are ticked, and the posted field name.</summary>
public sealed record MentorChoice(string Name, string IdPrefix, IReadOnlyList<StreamMentorName> Mentors, IReadOnlyCollection<int> Chosen);

public sealed record StreamMentorName(int Id, string Name, string? UserId);
