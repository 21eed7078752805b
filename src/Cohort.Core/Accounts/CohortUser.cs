using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

public class CohortUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// The person's IANA time zone (Asia/Kolkata), from their browser at sign-up or set on their account page; null
    /// while unknown. Pages show times in it and mail names it beside UTC. Only <see cref="TimeZones.Normalise"/>d names.
    /// </summary>
    [MaxLength(TimeZones.MaxIdLength)]
    public string? TimeZoneId { get; set; }
}
