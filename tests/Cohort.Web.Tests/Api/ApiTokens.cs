using System.Net.Http.Headers;
using Cohort.Core.Api;
using Cohort.Core.Audit;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Api;

/// <summary>Tokens made as the command line makes them, and clients that send them.</summary>
public static class ApiTokens
{
    public static async Task<string> CreateAsync(CohortApp app, string name, params string[] scopes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var expires = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(30));
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().RunAsync(Actor.CommandLine, name, scopes, expires);
        return created.Secret ?? throw new InvalidOperationException(created.Problem);
    }

    public static HttpClient Client(CohortApp app, string? secret)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return client;
    }
}
