using Cohort.Core;
using Cohort.Demo;
using Cohort.Web.Accounts;
using Cohort.Web.Api;
using Cohort.Web.Api.V1;
using Cohort.Web.Hosting;

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.AddCohortConsoleLogs();
builder.AddCohortTelemetry();
builder.Services.AddCohortWebSettings(builder.Configuration);
builder.Services.AddPublicOrigin();
builder.Services.AddCohortCore(builder.Configuration);
builder.Services.AddCohortDemo();
builder.Services.AddHostedService<Cohort.Core.Jobs.JobHost>();
builder.Services.AddCohortAccounts();
builder.Services.AddTransportSecurity(builder.Configuration);
builder.Services.AddCohortRateLimits();
builder.Services.AddApiV1();
builder.Services.AddCohortHealth();
builder.Services.AddCohortErrorPages();
builder.Services.AddPublicPageCache();
builder.Services.AddCohortCompression();
builder.Services.AddOpenApi();
builder.Services.AddEmptyQueryValuesAsDefaults();
builder.Services.AddReadableHtml();
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

app.UseCohortCompression();
app.UseCohortErrorPages();
app.UseSecurityHeaders();
app.UseRequestSizeLimit();
app.UseStaticFiles();
app.UseRouting();
app.UseNoStore();
// Before authentication: a visitor's cached page costs no session work at all.
app.UseOutputCache();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapCohortHealth();
app.MapOpenApi("/api/openapi.json");
app.MapCalendar();
app.MapCatalogueApi();
app.MapReviewApi();
app.MapApiV1();

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

await app.RunAsync();
return 0;
