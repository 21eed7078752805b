using System.Security.Claims;

namespace Cohort.Web.Accounts;

/// <summary>
/// The signed-in person as pages and endpoints name them: their account id (to filter what they may read) and the
/// <see cref="Actor"/> their changes are audited under. The one place that reads the identity claims for it.
/// </summary>
public static class CurrentUser
{
    /// <summary>The signed-in account's id. Pages that call this require sign-in, so it is always there.</summary>
    public static string Id(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    /// <summary>
    /// Who the audit log says acted: the account and its user name (its email), which Identity puts on every
    /// signed-in principal; the id stands in for a principal without one.
    /// </summary>
    public static Actor AsActor(this ClaimsPrincipal user) => new(user.Id(), user.Identity?.Name ?? user.Id());
}
