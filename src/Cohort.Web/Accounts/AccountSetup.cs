using Cohort.Core.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Web.Accounts;

public static class AccountSetup
{
    public const string AdminPolicy = "Admin";
    public const string ReviewerPolicy = "Reviewer";

    public static IServiceCollection AddCohortAccounts(this IServiceCollection services)
    {
        services.AddIdentity<CohortUser, IdentityRole>(AccountPolicy.Configure)
            .AddEntityFrameworkStores<CohortDbContext>()
            .AddDefaultTokenProviders()
            .AddCohortPasswordRules()
            .AddUserManager<BackoffUserManager>()
            .AddSignInManager<SessionSignInManager>()
            .AddClaimsPrincipalFactory<ZoneClaimsFactory>()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);

        // The stamp is checked on every request, which also rebuilds the principal from the database: a password
        // change, a reset or "sign out everywhere" ends other sessions at once, and role changes apply at once.
        services.AddScoped<ISecurityStampValidator, EveryRequestStampValidator>();
        services.Configure<SecurityStampValidatorOptions>(stamp =>
        {
            stamp.ValidationInterval = TimeSpan.Zero;
            stamp.OnRefreshingPrincipal = SessionLifetime.CarryAcross;
        });
        services.AddScoped<SecurityEvents>();
        services.AddScoped<IAuthorizationHandler, AdminTwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AdminTwoFactorRedirect>();
        services.AddSingleton<IAccountLinks, PublicAccountLinks>();

        // Keys live in the database, so cookies and reset links survive a restart and work across instances.
        services.AddDataProtection()
            .SetApplicationName("Cohort")
            .PersistKeysToDbContext<CohortDbContext>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/sign-in";
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "cohort.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(7);
            // An API client wants a status code, not a sign-in page.
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
        });

        services.AddAuthorizationBuilder()
            // Everything needs a signed-in user unless it says [AllowAnonymous]: a forgotten attribute fails closed.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin).AddRequirements(new AdminTwoFactorRequirement()))
            .AddPolicy(ReviewerPolicy, policy => policy.RequireRole(Roles.Reviewer, Roles.Admin));
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
