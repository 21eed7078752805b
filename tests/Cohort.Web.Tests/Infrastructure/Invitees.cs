namespace Cohort.Web.Tests.Infrastructure;

/// <summary>Mentors and reviewers the way they join: an admin's invitation, accepted from the link in the outbox.</summary>
public static class Invitees
{
    /// <summary>As the admin, invites <paramref name="email"/> to this season's reviewer pool with the given profile fields.</summary>
    public static async Task<Browser.Page> InviteReviewerAsync(this Browser admin, string email, IReadOnlyDictionary<string, string>? terms = null) =>
        await admin.SubmitAsync(await admin.GetAsync("/admin/review/pool/new"), "main form",
            new Dictionary<string, string>(terms ?? new Dictionary<string, string>()) { ["Input.Email"] = email });

    /// <summary>As the admin, invites <paramref name="email"/> to sign in as the mentor <paramref name="slug"/>.</summary>
    public static async Task<Browser.Page> InviteMentorAsync(this Browser admin, string slug, string email) =>
        await admin.SubmitAsync(await admin.GetAsync($"/admin/mentors/{slug}/account"), "#invite", new Dictionary<string, string> { ["InviteEmail"] = email });

    /// <summary>Opens the invitation mailed to <paramref name="email"/>, creates the account there and accepts; returns where it lands.</summary>
    /// <param name="timeZone">What the browser's script would put in the hidden zone field; none by default.</param>
    public static async Task<Browser.Page> AcceptWithNewAccountAsync(this CohortApp app, Browser invitee, string email, string name = "Invited Person", string timeZone = "")
    {
        var link = await app.MailedLinkAsync(email, "/account/invitation");
        return await invitee.SubmitAsync(await invitee.GetAsync(link.PathAndQuery), "#create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Password"] = SignUps.Password, ["Input.ConfirmPassword"] = SignUps.Password, ["Input.TimeZone"] = timeZone,
        });
    }
}
