using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Accounts;

/// <summary>The role an invitation grants, in words for its mail, its page and the admin's list.</summary>
public static class InvitedRoles
{
    public static async Task<string> DescribeAsync(CohortDbContext db, RoleInvitation invitation, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.Where(s => s.Id == invitation.SeasonId).Select(s => s.Name).SingleAsync(cancellation);
        if (invitation.Role == InvitedRole.Reviewer)
        {
            return $"a reviewer of {season}";
        }

        var mentor = await db.Mentors.Where(m => m.Id == invitation.MentorId).Select(m => m.Name).SingleAsync(cancellation);
        return $"the mentor {mentor} in {season}";
    }
}
