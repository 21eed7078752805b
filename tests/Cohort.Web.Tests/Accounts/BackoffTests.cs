using Cohort.Core.Accounts;
using Cohort.Web.Tests.Infrastructure;

namespace Cohort.Web.Tests.Accounts;

/// <summary>
/// Failed sign-ins slow the account down instead of locking it: a guesser gets few tries, and however long they
/// keep at it, the owner waits no longer than <see cref="SignInBackoff.LongestWait"/> after the last counted failure.
/// </summary>
public abstract class BackoffTests(CohortApp app)
{
    private const string WrongGuess = "a wrong guess at it";

    [Fact]
    public async Task The_first_failures_cost_nothing_then_the_account_asks_to_wait_even_for_the_right_password()
    {
        var account = await app.NewAccountAsync();
        using var stranger = app.NewBrowser();
        var free = new List<string>();
        for (var failure = 1; failure <= SignInBackoff.FreeFailures; failure++)
        {
            free.Add((await stranger.TrySignInAsync(account.Email, WrongGuess)).Text);
        }

        var fifth = await stranger.TrySignInAsync(account.Email, WrongGuess);
        var right = await stranger.TrySignInAsync(account.Email, account.Password);

        Assert.All(free, text => Assert.Contains("do not match", text, StringComparison.Ordinal));
        Assert.Contains("try again in 30 seconds", fifth.Text, StringComparison.Ordinal);
        Assert.Equal(200, right.Status);
        Assert.Contains("try again in 30 seconds", right.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attackers_failures_keep_the_owner_out_no_longer_than_the_longest_wait()
    {
        var account = await app.NewAccountAsync();
        using var attacker = app.NewBrowser();
        // The attacker sits out every wait, so each guess counts and the waits grow to their cap.
        var waits = new List<string>();
        for (var failure = 1; failure <= 12; failure++)
        {
            waits.Add((await attacker.TrySignInAsync(account.Email, WrongGuess)).One(".problem")!.TextContent);
            app.Clock.Now += SignInBackoff.WaitAfter(failure);
        }

        // Then keeps hammering: guesses made while waiting are refused unread and do not lengthen the wait.
        var lastCounted = await attacker.TrySignInAsync(account.Email, WrongGuess);
        var hammering = new List<string>();
        for (var guess = 0; guess < 20; guess++)
        {
            hammering.Add((await attacker.TrySignInAsync(account.Email, WrongGuess)).Text);
        }

        using var owner = app.NewBrowser();
        var tooSoon = await owner.TrySignInAsync(account.Email, account.Password);
        app.Clock.Now += SignInBackoff.LongestWait;
        var inTime = await owner.TrySignInAsync(account.Email, account.Password);
        var afterOwner = await attacker.TrySignInAsync(account.Email, WrongGuess);

        Assert.Contains("try again in 30 seconds", waits[4], StringComparison.Ordinal);
        Assert.Contains("try again in 1 minute.", waits[5], StringComparison.Ordinal);
        Assert.Contains("try again in 8 minutes", waits[11], StringComparison.Ordinal);
        Assert.Contains("try again in 8 minutes", lastCounted.Text, StringComparison.Ordinal);
        Assert.All(hammering, text => Assert.Contains("try again in 8 minutes", text, StringComparison.Ordinal));
        Assert.Contains("try again in 8 minutes", tooSoon.Text, StringComparison.Ordinal);
        Assert.Equal(302, inTime.Status);
        // The owner's success starts the count again: the next wrong guess is just a wrong guess.
        Assert.Contains("do not match", afterOwner.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_ends_the_wait_at_once()
    {
        var account = await app.NewAccountAsync();
        using var attacker = app.NewBrowser();
        for (var failure = 0; failure <= SignInBackoff.FreeFailures; failure++)
        {
            await attacker.TrySignInAsync(account.Email, WrongGuess);
        }

        using var owner = app.NewBrowser();
        await app.ResetPasswordAsync(owner, account.Email, "an entirely different passphrase");

        Assert.Equal(302, (await owner.TrySignInAsync(account.Email, "an entirely different passphrase")).Status);
    }
}

public sealed class BackoffOnSqlite(SqliteApp app) : BackoffTests(app), IClassFixture<SqliteApp>;

public sealed class BackoffOnPostgres(PostgresApp app) : BackoffTests(app), IClassFixture<PostgresApp>;
