using System.Security.Claims;

namespace Cohort.Web.Accounts;

public static class UserId
{
    /// <summary>The signed-in account's id. Pages that call this require sign-in, so it is always there.</summary>
    public static string Of(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
