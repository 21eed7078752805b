using Cohort.Core;
using Cohort.Demo;
using Cohort.Web.Accounts;
using Cohort.Web.Api;
using Cohort.Web.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.Services.AddCohortWebSettings(builder.Configuration);
builder.Services.AddPublicOrigin();
builder.Services.AddCohortCore(builder.Configuration);
builder.Services.AddCohortDemo();
builder.Services.AddHostedService<Cohort.Core.Jobs.JobHost>();
builder.Services.AddCohortAccounts();
builder.Services.AddTransportSecurity(builder.Configuration);
builder.Services.AddCohortRateLimits();
builder.Services.AddCohortHealth();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddEmptyQueryValuesAsDefaults();
builder.Services.AddRazorPages(pages =>
{
    pages.Conventions.AuthorizeFolder("/Admin", AccountSetup.AdminPolicy);
    pages.Conventions.AuthorizeFolder("/Review", AccountSetup.ReviewerPolicy);
    pages.Conventions.AddFolderRouteModelConvention("/Admin/Scores", Cohort.Web.Pages.Admin.Scores.OldRankingAddresses.Add);
    pages.Conventions.AddFolderApplicationModelConvention("/Account", model => model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.AccountForms)));
});

var app = builder.Build();
if (!app.SettingsAreValid())
{
    return 1;
}

app.UseTransportSecurity();

app.UseExceptionHandler("/error");
// People get a readable page for an error status; API clients get the status and its ProblemDetails body as is.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
app.UseSecurityHeaders();
app.UseRequestSizeLimit();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseNoStore();
app.UseAuthorization();

app.MapRazorPages();
app.MapCohortHealth();
app.MapOpenApi("/api/openapi.json");
app.MapCalendar();
app.MapCatalogueApi();
app.MapReviewApi();

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

await app.RunAsync();
return 0;
