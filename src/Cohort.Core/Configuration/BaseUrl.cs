namespace Cohort.Core.Configuration;

/// <summary>
/// What <see cref="CohortWebOptions.PublicBaseUrl"/> may be. The web host builds its links from it, and the start-up
/// check and `cohort doctor` judge it, all through this one parser so they agree on what is valid.
/// </summary>
public static class BaseUrl
{
    /// <summary>
    /// The base URL as a <see cref="Uri"/> ending in '/', or null when the text is not an absolute http(s) URL
    /// without query, fragment or user name.
    /// </summary>
    public static Uri? Parse(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        // A trailing slash makes relative links resolve under the base path rather than beside it.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }
}
