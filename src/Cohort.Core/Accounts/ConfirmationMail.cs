using Cohort.Core.Mail;
using Microsoft.AspNetCore.Identity;

namespace Cohort.Core.Accounts;

/// <summary>
/// Queues the mail that confirms an account's address, in the caller's unit of work. It is sensitive: the link
/// confirms the account, so admins never read it in the outbox and it is blanked once sent.
/// </summary>
public sealed class ConfirmationMail(UserManager<CohortUser> users, Outbox outbox, IAccountLinks links)
{
    public const string Subject = "Confirm your address for Cohort";

    /// <param name="preface">A paragraph put before the link, saying why this mail comes (again).</param>
    public async Task EnqueueAsync(CohortUser user, string preface)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        outbox.Enqueue(user.Email!, Subject,
            $"{preface}\n\nTo confirm that this address is yours, open this link and press the button on the page:\n{links.ConfirmEmail(user.Id, token)}\n\n" +
            "The link works for one day. Until the address is confirmed, the account cannot sign in.\n\n" +
            "If you did not create a Cohort account, ignore this message: without the confirmation nobody can use the account.",
            sensitive: true);
    }
}
