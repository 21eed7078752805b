using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Web.Tests.Accounts;

/// <summary>
/// Mentor and Reviewer are held only while something justifies them: a place in the current pool, a linked mentor
/// with a stream. Taking that away takes the role away, and both are audited.
/// </summary>
public abstract class RoleRevocationTests(CohortApp app)
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    /// <summary>A confirmed account with <paramref name="role"/>, as `cohort admin create` or the demo seed makes them.</summary>
    private async Task<string> AccountAsync(string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CreateAccount>().RunAsync(email, SignUps.Password, "Role Holder", role, Actor.System);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>().FindByEmailAsync(email))!.Id;
    }

    private Task<List<string?>> RolesAsync(string userId) => app.WithDbAsync(db =>
        db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());

    private Task<List<string>> AuditAsync(string email) =>
        app.WithDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"user:{email}" || e.Subject == $"reviewer:{email}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

    [Fact]
    public async Task Removing_a_reviewer_from_the_pool_revokes_the_role_and_is_audited()
    {
        var email = NewEmail("removed");
        var userId = await AccountAsync(email, Roles.Reviewer);
        var profile = await app.WithDbAsync(db => ReviewPool.ReviewerAsync(db, userId));
        using var admin = await app.AsAsync(Roles.Admin);

        var pool = await admin.GetAsync("/admin/review/pool");
        var removed = await admin.SubmitAsync(pool, $"tr[data-reviewer='{profile}'] form", new Dictionary<string, string>());
        using var reviewer = await app.AsAsync(email, SignUps.Password);
        using var review = await reviewer.Client.GetAsync("/review");

        Assert.Contains($"Removed {email}", removed.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.ReviewerProfiles.AnyAsync(p => p.Id == profile)));
        Assert.DoesNotContain(Roles.Reviewer, await RolesAsync(userId));
        Assert.Contains("access-denied", review.Headers.Location!.ToString(), StringComparison.Ordinal);
        var audit = await AuditAsync(email);
        Assert.Contains("reviewer.removed", audit);
        Assert.Contains("role.revoked", audit);
    }

    [Fact]
    public async Task Taking_a_mentor_off_their_last_stream_revokes_the_role_and_putting_them_on_one_grants_it()
    {
        var email = NewEmail("stream-mentor");
        var userId = await AccountAsync(email, Roles.Applicant);
        var (mentorId, slug) = await app.WithDbAsync(async db =>
        {
            var season = (await db.Seasons.CurrentAsync())!;
            var mentor = new Core.Catalogue.Mentor { SeasonId = season.Id, Slug = $"m-{Guid.NewGuid():N}"[..20], Name = "Stream Mentor", UserId = userId };
            db.Mentors.Add(mentor);
            await db.SaveChangesAsync();
            return (mentor.Id, await db.Streams.Where(s => s.Track!.SeasonId == season.Id).OrderBy(s => s.Slug).Select(s => s.Slug).FirstAsync());
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var form = await admin.GetAsync($"/admin/streams/{slug}/edit");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.One($"#mentor-{mentorId}")!).IsChecked = true;
        await admin.SubmitAsync(form, "main form", new Dictionary<string, string>());
        var granted = await RolesAsync(userId);

        form = await admin.GetAsync($"/admin/streams/{slug}/edit");
        ((AngleSharp.Html.Dom.IHtmlInputElement)form.One($"#mentor-{mentorId}")!).IsChecked = false;
        await admin.SubmitAsync(form, "main form", new Dictionary<string, string>());

        Assert.Contains(Roles.Mentor, granted);
        Assert.DoesNotContain(Roles.Mentor, await RolesAsync(userId));
        Assert.Contains(Roles.Applicant, await RolesAsync(userId));
        Assert.Equal(["role.granted", "role.revoked"], (await AuditAsync(email)).Where(a => a.StartsWith("role.", StringComparison.Ordinal)).Skip(1));
    }

    [Fact]
    public async Task Unlinking_a_mentor_from_their_account_revokes_the_mentor_role_and_is_audited()
    {
        var email = NewEmail("unlinked");
        var userId = await AccountAsync(email, Roles.Mentor);
        var slug = await app.WithDbAsync(async db =>
        {
            var mentor = await db.Mentors.Where(m => m.UserId == null && m.Streams.Any()).OrderBy(m => m.Slug).FirstAsync();
            mentor.UserId = userId;
            await db.SaveChangesAsync();
            return mentor.Slug;
        });
        using var admin = await app.AsAsync(Roles.Admin);

        var unlinked = await admin.SubmitAsync(await admin.GetAsync($"/admin/mentors/{slug}/account"), "#unlink", new Dictionary<string, string>());

        Assert.Contains($"Unlinked {email}", unlinked.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Mentors.Where(m => m.Slug == slug).Select(m => m.UserId).SingleAsync()));
        Assert.DoesNotContain(Roles.Mentor, await RolesAsync(userId));
        Assert.Contains("role.revoked", await AuditAsync(email));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "mentor.unlinked" && e.Subject == $"mentor:{slug}")));
    }
}

public sealed class RoleRevocationOnSqlite(SqliteApp app) : RoleRevocationTests(app), IClassFixture<SqliteApp>;

public sealed class RoleRevocationOnPostgres(PostgresApp app) : RoleRevocationTests(app), IClassFixture<PostgresApp>;
