using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

public class CohortUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
