using Cohort.Core.Accounts;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Accounts;

/// <summary>
/// Mentors and reviewers join by an admin's one-time invitation: accepting creates or binds the account of the
/// invited address and gives the role; the link works once, expires, can be withdrawn, and never links an account
/// whose address was not confirmed.
/// </summary>
public abstract class InvitationTests(CohortApp app)
{
    private static string NewEmail(string who = "invitee") => $"{who}-{Guid.NewGuid():N}@example.org";

    private Task<List<string?>> RolesAsync(string email) => app.WithDbAsync(db => (from u in db.Users
                                                                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                                                                   join r in db.Roles on ur.RoleId equals r.Id
                                                                                   where u.Email == email
                                                                                   select r.Name).ToListAsync());

    /// <summary>POSTs a form the page did not offer, with a valid antiforgery token, as an attacker would.</summary>
    private static async Task<Browser.Page> ForceAsync(Browser browser, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = (await browser.GetAsync("/account/sign-up")).One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await Browser.ReadAsync(await browser.Client.PostAsync(url, new FormUrlEncodedContent(fields)), url);
    }

    private Task<RoleInvitation> InvitationAsync(string email) =>
        app.WithDbAsync(db => db.RoleInvitations.AsNoTracking().OrderByDescending(i => i.Id).FirstAsync(i => i.Email == email));

    /// <summary>A mentor of the demo season with at least one stream, whom no other test of the class links.</summary>
    private Task<Core.Catalogue.Mentor> MentorAsync(string slug) => app.WithDbAsync(db => db.Mentors.AsNoTracking().SingleAsync(m => m.Slug == slug));

    [Fact]
    public async Task An_invited_reviewer_creates_their_account_joins_the_pool_and_gets_the_role()
    {
        var email = NewEmail("reviewer");
        using var admin = await app.AsAsync(Roles.Admin);
        var invited = await admin.InviteReviewerAsync(email, new Dictionary<string, string>
        {
            ["Input.Organisation"] = "Acme Labs", ["Input.Expertise"] = "oversight\n interpretability ", ["Input.MinLoad"] = "1", ["Input.MaxLoad"] = "4",
        });
        Assert.Contains($"Invited {email}", invited.One(".notice")!.TextContent, StringComparison.Ordinal);
        var link = await app.MailedLinkAsync(email, "/account/invitation");
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;

        using var invitee = app.NewBrowser();
        var landed = await app.AcceptWithNewAccountAsync(invitee, email, "Rev Iewer");

        Assert.Equal("http", link.Scheme);
        Assert.Equal("localhost", link.Host);
        var invitation = await InvitationAsync(email);
        Assert.Equal(InvitationToken.Hash(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.NotNull(invitation.AcceptedAt);
        Assert.Equal("/review", landed.Url);
        Assert.Equal(200, landed.Status);
        Assert.Contains(Roles.Reviewer, await RolesAsync(email));
        var (confirmed, profile) = await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return (user.EmailConfirmed, await db.ReviewerProfiles.AsNoTracking().SingleAsync(p => p.UserId == user.Id));
        });
        Assert.True(confirmed);
        Assert.Equal(("Acme Labs", "oversight\ninterpretability", 1, 4), (profile.Organisation, profile.ExpertiseText, profile.MinLoad, profile.MaxLoad));
    }

    [Fact]
    public async Task An_invitation_works_once()
    {
        var email = NewEmail();
        using var admin = await app.AsAsync(Roles.Admin);
        await admin.InviteReviewerAsync(email);
        var link = await app.MailedLinkAsync(email, "/account/invitation");
        using var first = app.NewBrowser();
        using var second = app.NewBrowser();
        var secondForm = await second.GetAsync(link.PathAndQuery);

        await app.AcceptWithNewAccountAsync(first, email);
        var again = await second.SubmitAsync(secondForm, "#create", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Second Try", ["Input.Password"] = "another long passphrase", ["Input.ConfirmPassword"] = "another long passphrase",
        });
        var reopened = await second.GetAsync(link.PathAndQuery);

        Assert.True(secondForm.Response.Headers.CacheControl!.NoStore, "The page holding the token may be cached.");
        Assert.Equal(410, again.Status);
        Assert.Contains("no longer works", again.One("#invitation-problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(410, reopened.Status);
        Assert.Contains("accepted already", reopened.One("#invitation-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReviewerProfiles.CountAsync(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email))));
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_creates_nothing()
    {
        var email = NewEmail();
        using var admin = await app.AsAsync(Roles.Admin);
        await admin.InviteReviewerAsync(email);
        var link = await app.MailedLinkAsync(email, "/account/invitation");
        using var invitee = app.NewBrowser();
        var form = await invitee.GetAsync(link.PathAndQuery);
        var start = app.Clock.Now;
        try
        {
            app.Clock.Now = start + SendInvitation.Lifetime + TimeSpan.FromMinutes(1);
            var opened = await invitee.GetAsync(link.PathAndQuery);
            var refused = await invitee.SubmitAsync(form, "#create", new Dictionary<string, string>
            {
                ["Input.DisplayName"] = "Too Late", ["Input.Password"] = SignUps.Password, ["Input.ConfirmPassword"] = SignUps.Password,
            });

            Assert.Equal(410, opened.Status);
            Assert.Contains("expired", opened.One("#invitation-state")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(410, refused.Status);
            Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        }
        finally
        {
            app.Clock.Now = start;
        }
    }

    [Fact]
    public async Task A_mentor_invitation_binds_the_existing_account_once_its_owner_signs_in_and_grants_the_mentor_role()
    {
        var email = NewEmail("mentor");
        using (await app.SignUpAndConfirmAsync(email))
        {
        }

        var mentor = await MentorAsync("kenji-hasegawa");
        using var admin = await app.AsAsync(Roles.Admin);
        await admin.InviteMentorAsync(mentor.Slug, email);
        Assert.Contains($"invited {email}", (await admin.GetAsync("/admin/mentors")).Text, StringComparison.Ordinal);
        var link = await app.MailedLinkAsync(email, "/account/invitation");

        using var invitee = app.NewBrowser();
        var opened = await invitee.GetAsync(link.PathAndQuery);
        var signInHref = opened.One("#invitation-state a")!.GetAttribute("href")!;
        var backAtInvitation = await invitee.SubmitAsync(await invitee.GetAsync(signInHref), "main form",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = SignUps.Password });
        var landed = await invitee.SubmitAsync(backAtInvitation, "#accept", new Dictionary<string, string>());

        Assert.Equal(link.PathAndQuery, backAtInvitation.Url);
        Assert.Equal("/mentor", landed.Url);
        Assert.Equal(200, landed.Status);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(userId, (await MentorAsync(mentor.Slug)).UserId);
        Assert.Contains(Roles.Mentor, await RolesAsync(email));
        Assert.Contains(Roles.Applicant, await RolesAsync(email));
    }

    [Fact]
    public async Task Linking_an_unconfirmed_account_is_refused()
    {
        var email = NewEmail("squatted");
        using (var squatter = app.NewBrowser())
        {
            await squatter.SignUpAsync(email);
        }

        var mentor = await MentorAsync("noa-ben-ami");
        using var admin = await app.AsAsync(Roles.Admin);
        await admin.InviteMentorAsync(mentor.Slug, email);
        var link = await app.MailedLinkAsync(email, "/account/invitation");
        using var invitee = app.NewBrowser();

        var opened = await invitee.GetAsync(link.PathAndQuery);
        // No form is offered; posting one anyway is refused by the server too.
        var refusal = await ForceAsync(invitee, $"{link.PathAndQuery}&handler=Create", new()
        {
            ["Input.DisplayName"] = "Forced", ["Input.Password"] = SignUps.Password, ["Input.ConfirmPassword"] = SignUps.Password,
        });

        Assert.Contains("never been confirmed", opened.One("#invitation-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null(opened.One("#create"));
        Assert.Null(opened.One("#accept"));
        Assert.Contains("never been confirmed", refusal.One("#invitation-problems")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await MentorAsync(mentor.Slug)).UserId);
        Assert.DoesNotContain(Roles.Mentor, await RolesAsync(email));
        Assert.Null((await InvitationAsync(email)).AcceptedAt);
    }

    [Fact]
    public async Task Signed_in_as_another_account_the_invitation_is_refused()
    {
        var email = NewEmail();
        using var admin = await app.AsAsync(Roles.Admin);
        await admin.InviteReviewerAsync(email);
        var link = await app.MailedLinkAsync(email, "/account/invitation");
        using var other = await app.AsAsync(Roles.Applicant);

        var opened = await other.GetAsync(link.PathAndQuery);
        var refusal = await ForceAsync(other, $"{link.PathAndQuery}&handler=Accept", []);

        Assert.Contains("but you are signed in as", opened.One("#invitation-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("but you are signed in as", refusal.One("#invitation-problems")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await InvitationAsync(email)).AcceptedAt);
    }

    [Fact]
    public async Task Sending_an_invitation_again_kills_the_old_link_and_withdrawing_it_kills_the_new_one()
    {
        var email = NewEmail();
        using var admin = await app.AsAsync(Roles.Admin);
        await admin.InviteReviewerAsync(email);
        var oldLink = await app.MailedLinkAsync(email, "/account/invitation");
        var id = (await InvitationAsync(email)).Id;
        var list = await admin.GetAsync("/admin/invitations");
        Assert.Contains(email, list.One($"tr[data-invitation='{id}']")!.TextContent, StringComparison.Ordinal);

        await admin.SubmitAsync(list, $"tr[data-invitation='{id}'] form[action*='Resend']", new Dictionary<string, string>());
        var newLink = await app.MailedLinkAsync(email, "/account/invitation");
        using var invitee = app.NewBrowser();
        Assert.NotEqual(oldLink, newLink);
        Assert.Equal(404, (await invitee.GetAsync(oldLink.PathAndQuery)).Status);
        Assert.NotNull((await invitee.GetAsync(newLink.PathAndQuery)).One("#create"));

        await admin.SubmitAsync(await admin.GetAsync("/admin/invitations"), $"tr[data-invitation='{id}'] form[action*='Revoke']", new Dictionary<string, string>());
        var withdrawn = await invitee.GetAsync(newLink.PathAndQuery);

        Assert.Equal(410, withdrawn.Status);
        Assert.Contains("withdrawn", withdrawn.One("#invitation-state")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await admin.GetAsync("/admin/invitations")).One($"tr[data-invitation='{id}']"));
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"invitation:{email}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["invitation.sent", "invitation.resent", "invitation.revoked"], actions);
    }
}

public sealed class InvitationsOnSqlite(SqliteApp app) : InvitationTests(app), IClassFixture<SqliteApp>;

public sealed class InvitationsOnPostgres(PostgresApp app) : InvitationTests(app), IClassFixture<PostgresApp>;
