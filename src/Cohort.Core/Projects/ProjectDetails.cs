namespace Cohort.Core.Projects;

/// <summary>What a mentor gives for a project: its title, description, capacity and mentors (mentor profile ids).</summary>
public sealed record ProjectDetails(string Title, string Description, int Capacity, IReadOnlyList<int> MentorIds)
{
    /// <summary>Why a pitch's title and description cannot be saved, or null.</summary>
    public static string? TextProblem(string? title, string? description)
    {
        var problem = (title?.Trim() ?? "", description?.Trim() ?? "") switch
        {
            ("", _) => "Give the project a title.",
            (var t, _) when t.Length > Project.MaxTitleLength => $"A project's title is at most {Project.MaxTitleLength} characters.",
            (_, "") => "Describe the project.",
            (_, var d) when d.Length > Project.MaxDescriptionLength => $"A project's description is at most {Project.MaxDescriptionLength:N0} characters.",
            _ => null,
        };
        return problem is null ? null : problem + " Nothing was saved.";
    }

    /// <summary>Why the details cannot be saved for a stream whose mentor profiles are <paramref name="streamMentors"/>, or null.</summary>
    public string? Problem(IReadOnlyCollection<int> streamMentors) =>
        TextProblem(Title, Description) ?? (Capacity < 1 ? "A project takes at least one fellow: its capacity must be 1 or more. Nothing was saved."
            : MentorIds.Count == 0 ? "Choose at least one of the stream's mentors to mentor the project. Nothing was saved."
            : MentorIds.Any(id => !streamMentors.Contains(id)) ? "Only the stream's own mentors can mentor its projects. Nothing was saved."
            : null);

    /// <summary>The project in one line for the audit log.</summary>
    public static string Summary(Project project) =>
        $"\"{project.Title}\", capacity {project.Capacity}, mentors {string.Join(", ", project.Mentors.Select(m => $"#{m.MentorId}").Order(StringComparer.Ordinal))}, {project.State}";

    /// <summary>Makes the details the project's, mentors included.</summary>
    public void ApplyTo(Project project, DateTime now)
    {
        project.Title = Title.Trim();
        project.Description = Description.Trim();
        project.Capacity = Capacity;
        project.Mentors.RemoveAll(m => !MentorIds.Contains(m.MentorId));
        project.Mentors.AddRange(MentorIds.Distinct().Where(id => project.Mentors.All(m => m.MentorId != id)).Select(id => new ProjectMentor { MentorId = id }));
        project.UpdatedAt = now;
    }
}
