using System.Globalization;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Demo;

/// <summary>
/// The demo as it starts can be walked: on the day it was seeded, a new account applies to stage 1, is advanced by the
/// admin, and reaches the assessments and the stream applications, with no date edited and nothing written behind the
/// pages' backs; and the public key dates are the dates the forms keep.
/// </summary>
public abstract class DemoWalkTests(CohortApp app)
{
    [Fact]
    public async Task A_new_account_applies_at_stage_1_and_once_advanced_starts_an_assessment_and_applies_to_a_stream()
    {
        var email = $"walker-{Guid.NewGuid():N}@example.net";
        using var applicant = await app.SignUpAndConfirmAsync(email, name: "Demo Walker");
        var portal = await applicant.PostGeneralApplicationAsync("Submit", GeneralApplicationForm.Complete("Demo Walker"), "%PDF-1.4 a CV"u8.ToArray());
        var applicationId = await app.WithDbAsync(db => db.Applications.Where(a => a.ApplicantId == db.Users.Single(u => u.Email == email).Id).Select(a => a.Id).SingleAsync());

        using var admin = await app.AsAsync(Roles.Admin);
        await admin.SubmitAsync(PipelineData.Tick(await admin.GetAsync("/admin/pipeline/general"), applicationId), "#decide", new Dictionary<string, string> { ["decision"] = "Advance" });
        var started = await applicant.SubmitAsync(await applicant.GetAsync("/assessments/research-taste"), "form[action*='handler=Start']", new Dictionary<string, string>());
        await admin.SubmitAsync(PipelineData.Tick(await admin.GetAsync("/admin/pipeline/assessments?state=Submitted"), applicationId), "#decide", new Dictionary<string, string> { ["decision"] = "Advance" });
        var coalition = await app.WithDbAsync(db => db.Streams.Where(s => s.Slug == "control-coalition" && s.Track!.Season!.IsCurrent).Select(s => s.Id).SingleAsync());
        await applicant.SubmitAsync(await applicant.GetAsync("/streams/apply"), "form#choose-streams",
            new Dictionary<string, string> { ["streams"] = coalition.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal("/portal", portal.Url);
        Assert.Equal(ApplicationState.Advanced, await app.WithDbAsync(db => GeneralApplications.AssessmentEntryStateAsync(db, applicationId)));
        Assert.True(await app.WithDbAsync(db => db.Attempts.AnyAsync(a => a.ApplicantId == db.Users.Single(u => u.Email == email).Id)), started.Text);
        Assert.True(await app.WithDbAsync(db => db.StreamApplications.AnyAsync(a => a.StreamId == coalition && a.ApplicantId == db.Users.Single(u => u.Email == email).Id)));
    }

    [Fact]
    public async Task The_public_key_dates_are_the_stage_windows_the_forms_keep_all_open_on_the_seeding_day()
    {
        var stages = await app.WithDbAsync(db => db.Stages.Where(s => db.Tracks.Any(t => t.Id == s.TrackId && t.Season!.IsCurrent)).OrderBy(s => s.Position).ToListAsync());
        var dates = (await app.NewBrowser().GetAsync("/dates")).All("ol.timeline li")
            .ToDictionary(li => li.QuerySelector("h2")!.TextContent.Trim(), li => DateTime.Parse(li.QuerySelector("time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

        Assert.All(stages, stage => Assert.InRange(app.Clock.GetUtcNow().UtcDateTime, stage.OpensAt, stage.ClosesAt));
        Assert.Equal(stages[0].OpensAt, dates["Applications open"]);
        Assert.Equal(stages[0].ClosesAt, dates["Initial application deadline"]);
        Assert.Equal(stages[1].OpensAt, dates["Assessment window opens"]);
        Assert.Equal(stages[1].ClosesAt, dates["Assessment deadline"]);
        Assert.Equal(stages[2].ClosesAt, dates["Stream applications close"]);
        Assert.Equal(CohortApp.Demo.At(-14, 9), stages[0].OpensAt);
    }
}

public sealed class DemoWalkOnSqlite(SqliteApp app) : DemoWalkTests(app), IClassFixture<SqliteApp>;

public sealed class DemoWalkOnPostgres(PostgresApp app) : DemoWalkTests(app), IClassFixture<PostgresApp>;
