using System.Security.Claims;
using Cohort.Core.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cohort.Web.Accounts;

/// <summary>
/// Part of the admin policy when <see cref="CohortWebOptions.RequireAdminTwoFactor"/> is on: the account has two-step
/// sign-in. Read from the database on each request, so turning it off takes effect at once.
/// </summary>
public sealed class AdminTwoFactorRequirement : IAuthorizationRequirement;

public sealed class AdminTwoFactorHandler(UserManager<CohortUser> users, IOptions<CohortWebOptions> options) : AuthorizationHandler<AdminTwoFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTwoFactorRequirement requirement)
    {
        if (!options.Value.RequireAdminTwoFactor || await users.GetUserAsync(context.User) is { TwoFactorEnabled: true })
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// An admin page refused only for want of two-step sign-in sends the admin to set it up, then back. Every refusal is
/// written to the <see cref="SecurityLog"/>.
/// </summary>
public sealed class AdminTwoFactorRedirect(ILoggerFactory loggers) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();
    private readonly ILogger security = loggers.CreateLogger(SecurityLog.Category);

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // Every refusal by role or policy passes here (a signed-in person reaching what is not theirs); a missing
        // sign-in is a challenge, not a refusal, and is not logged.
        if (authorizeResult.Forbidden)
        {
            SecurityLog.AccessRefused(security, context.Request.Method, context.Request.Path, context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?",
                context.Connection.RemoteIpAddress);
        }

        var missingTwoFactor = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.All(r => r is AdminTwoFactorRequirement) == true
            && authorizeResult.AuthorizationFailure.FailedRequirements.Any();
        if (missingTwoFactor && !context.Request.Path.StartsWithSegments("/api"))
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect("/account/two-factor?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }

        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<NotFoundWhenRefusedAttribute>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>
/// A page whose refusal answers 404, as if it did not exist, rather than a refusal that says it does: for pages whose
/// mere existence a persona should not learn from (the admin's analytics, to a mentor). A missing sign-in is still a
/// challenge, and a missing two-step sign-in still sends an admin to set it up.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotFoundWhenRefusedAttribute : Attribute;
