using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Accounts;

/// <param name="TimeZoneId">The IANA zone the browser reports; kept only when .NET knows it, otherwise the account has none.</param>
public sealed record SignUpRequest(string Email, string DisplayName, string Password, string? TimeZoneId = null);

/// <summary>
/// Starts an account from the sign-up form. The answer never tells whether the address already has an account: the
/// same checks run and the same (empty) answer comes back either way, and only the mailbox learns which it was. A
/// new address gets an account without any role and a confirmation link (the role comes with the confirmation); an
/// address that has an account gets a note saying someone tried, with the ways in.
/// </summary>
public sealed class SignUp(
    UserManager<CohortUser> users, CohortDbContext db, Outbox outbox, AuditLog audit, ConfirmationMail confirmation, IAccountLinks links, TimeProvider clock)
{
    public const string TriedSubject = "Someone tried to create a Cohort account with your address";

    /// <summary>What is wrong with the password, which is all the form may report; empty when the sign-up was taken.</summary>
    public async Task<IReadOnlyList<IdentityError>> RunAsync(SignUpRequest request, CancellationToken cancellation = default)
    {
        var email = request.Email.Trim();
        var candidate = new CohortUser
        {
            UserName = email, Email = email, DisplayName = request.DisplayName.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            TimeZoneId = TimeZones.Normalise(request.TimeZoneId),
        };

        // Checked before the address is looked up, so a weak password is refused the same way for every address.
        var problems = await PasswordProblems.OfAsync(users, candidate, request.Password);
        if (problems.Count > 0)
        {
            return problems;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is null && await TryCreateAsync(candidate, request.Password))
        {
            audit.Record(new Actor(candidate.Id, email), "account.signed-up", $"user:{email}", "waiting for the address to be confirmed");
            await confirmation.EnqueueAsync(candidate, "Welcome to Cohort. You have created an account with this address.");
            await db.SaveChangesAsync(cancellation);
            return [];
        }

        existing ??= await users.FindByEmailAsync(email);
        if (existing is null)
        {
            // Refused for a reason that concerns the address itself (Identity's user-name rules), not its owner.
            return [new IdentityError { Code = "InvalidEmail", Description = $"The address {email} cannot be used for an account here; use another one." }];
        }

        await TellTheOwnerAsync(existing, request.Password, cancellation);
        return [];
    }

    private async Task<bool> TryCreateAsync(CohortUser candidate, string password)
    {
        try
        {
            return (await users.CreateAsync(candidate, password)).Succeeded;
        }
        catch (DbUpdateException)
        {
            // Another sign-up for the same address won the race: treat this one as an existing address.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task TellTheOwnerAsync(CohortUser owner, string password, CancellationToken cancellation)
    {
        // The costly step of creating an account (hashing the password, then thrown away), so both answers take alike long.
        _ = users.PasswordHasher.HashPassword(owner, password);
        const string Preface = "Someone, perhaps you, tried to create a Cohort account with this address, which already has one. Nothing was changed.";
        if (owner.EmailConfirmed)
        {
            outbox.Enqueue(owner.Email!, TriedSubject,
                $"{Preface}\n\nIf it was you, sign in here:\n{links.SignIn()}\n\nIf you forgot your password, choose a new one here:\n{links.ForgotPassword()}\n\n" +
                "If it was not you, you can ignore this message; your account stays as it is.");
        }
        else
        {
            await confirmation.EnqueueAsync(owner, Preface + " Its address has not been confirmed yet." +
                $"\n\nIf you forgot the password you chose then, choose a new one here, then confirm:\n{links.ForgotPassword()}");
        }

        audit.Record(new Actor(null, owner.Email!), "account.sign-up-for-existing", $"user:{owner.Email}", "the owner was told by mail");
        await db.SaveChangesAsync(cancellation);
    }
}
