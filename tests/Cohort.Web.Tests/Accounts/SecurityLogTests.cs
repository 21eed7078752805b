using System.Collections.Concurrent;
using Cohort.Core.Accounts;
using Cohort.Core.Data;
using Cohort.Web.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cohort.Web.Tests.Accounts;

/// <summary>An app whose security log the test can read.</summary>
public sealed class LoggedApp() : CohortApp(DatabaseProvider.Sqlite)
{
    public LogCapture Log { get; } = new(SecurityLog.Category);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}

/// <summary>Keeps every entry of one log category, as an operator's log shipper would receive it.</summary>
public sealed class LogCapture(string category) : ILoggerProvider
{
    public ConcurrentQueue<(int EventId, LogLevel Level, string Text, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => categoryName == category ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue((eventId.Id, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>Authentication and refused access are logged (ASVS 16.3.1, 16.3.2), without passwords or addresses of mail.</summary>
public sealed class SecurityLogTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    [Fact]
    public async Task Every_sign_in_attempt_is_logged_with_its_outcome_account_and_client_but_no_password_or_email()
    {
        var account = await app.NewAccountAsync();
        var stranger = $"nobody-{Guid.NewGuid():N}@example.net";
        using var browser = app.NewBrowser();

        await browser.TrySignInAsync(account.Email, "a wrong passphrase here");
        await browser.TrySignInAsync(stranger, "a wrong passphrase here");
        await browser.TrySignInAsync(account.Email, account.Password);

        var entries = app.Log.Entries.ToList();
        Assert.Contains(entries, e => e.EventId == 2 && e.Level == LogLevel.Warning && e.Text.Contains(account.Id, StringComparison.Ordinal) && e.Text.Contains("wrong", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventId == 3 && e.Level == LogLevel.Warning);
        Assert.Contains(entries, e => e.EventId == 1 && e.Text.Contains(account.Id, StringComparison.Ordinal) && e.Text.Contains("signed in", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Text.Contains(account.Email, StringComparison.OrdinalIgnoreCase) || e.Text.Contains(stranger, StringComparison.OrdinalIgnoreCase)
            || e.Text.Contains("a wrong passphrase here", StringComparison.Ordinal) || e.Text.Contains(account.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_person_refused_a_page_is_logged_with_the_path_and_their_account()
    {
        var account = await app.NewAccountAsync(Roles.Applicant);
        using var applicant = await app.AsAsync(account.Email, account.Password);

        var refused = await applicant.GetAsync("/admin/outbox");

        Assert.NotEqual(200, refused.Status);
        Assert.Contains(app.Log.Entries, e => e.EventId == 4 && e.Text.Contains("GET /admin/outbox", StringComparison.Ordinal) && e.Text.Contains(account.Id, StringComparison.Ordinal));
    }
}
