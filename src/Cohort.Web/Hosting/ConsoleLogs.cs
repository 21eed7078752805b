using Microsoft.Extensions.Logging.Console;

namespace Cohort.Web.Hosting;

/// <summary>
/// The console log: readable lines in Development; one JSON object a line everywhere else, for journald or a log
/// shipper to parse. Each entry written during a request carries its trace id in its scopes, the id the error page
/// shows people as the correlation id and the id of the request's trace when traces are exported.
/// </summary>
public static class ConsoleLogs
{
    public static WebApplicationBuilder AddCohortConsoleLogs(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return builder;
    }
}
