namespace Cohort.Core.Mail;

/// <summary>
/// Absolute links for mail a job writes, where there is no page to build them: the web host answers from its
/// configured public origin, never from a request, so a forged Host header cannot reach a genuine mail.
/// </summary>
public interface IAppLinks
{
    /// <summary>The absolute URL of an app path such as <c>/portal</c>.</summary>
    string Link(string path);
}
