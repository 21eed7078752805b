namespace Cohort.Core.Accounts;

/// <summary>The four roles of the product brief. A person may hold several (a mentor can also review).</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Mentor = "Mentor";
    public const string Reviewer = "Reviewer";
    public const string Applicant = "Applicant";

    public static readonly IReadOnlyList<string> All = [Admin, Mentor, Reviewer, Applicant];
}
