namespace Cohort.Web.Tests.Authorization;

/// <summary>What a persona gets from one endpoint, as the authorization matrix declares and checks it.</summary>
public enum Outcome
{
    /// <summary>Let through: 2xx, a redirect to anywhere but sign-in or access-denied, or 409 (refused on its merits, after authorization).</summary>
    Allowed,

    /// <summary>Sent to sign in: a redirect to /account/sign-in (pages) or 401 (/api).</summary>
    SignIn,

    /// <summary>Refused for who they are: 403, or a redirect to /account/access-denied.</summary>
    Denied,

    /// <summary>404: the object is someone else's, hidden from this persona, or not there; the answer does not say which.</summary>
    NotFound,
}

public static class Outcomes
{
    /// <summary>The outcome class of a response, or null for a status no class covers (400, 405, 500...), which always fails.</summary>
    public static Outcome? Of(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var target = response.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location).AbsolutePath : "";
        return status switch
        {
            401 => Outcome.SignIn,
            403 => Outcome.Denied,
            404 => Outcome.NotFound,
            >= 300 and < 400 when target == "/account/sign-in" => Outcome.SignIn,
            >= 300 and < 400 when target == "/account/access-denied" => Outcome.Denied,
            >= 200 and < 400 or 409 => Outcome.Allowed,
            _ => null,
        };
    }
}
