using Cohort.Core.Accounts;

namespace Cohort.Web.Accounts;

/// <summary>Account mail's links, from the configured public origin alone.</summary>
public sealed class PublicAccountLinks(PublicOrigin origin) : IAccountLinks
{
    public string ConfirmEmail(string userId, string token) => origin.Page("/Account/ConfirmEmail", new { userId, token });

    public string ResendConfirmation() => origin.Page("/Account/ResendConfirmation");

    public string SignIn() => origin.Page("/Account/SignIn");

    public string ForgotPassword() => origin.Page("/Account/ForgotPassword");

    public string Invitation(string token) => origin.Page("/Account/Invitation", new { token });
}
