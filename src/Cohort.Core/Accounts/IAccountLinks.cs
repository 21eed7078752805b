namespace Cohort.Core.Accounts;

/// <summary>
/// The absolute links account mail carries. The web host builds them from its configured public origin, never from
/// a request, so a forged Host header cannot point a genuine mail at another site.
/// </summary>
public interface IAccountLinks
{
    /// <summary>The page that confirms an address with a token from <c>UserManager.GenerateEmailConfirmationTokenAsync</c>.</summary>
    string ConfirmEmail(string userId, string token);

    string ResendConfirmation();

    string SignIn();

    string ForgotPassword();

    /// <summary>The page that accepts a mentor's or reviewer's invitation with its one-time token.</summary>
    string Invitation(string token);
}
