using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.StreamApplications;
using Cohort.Tests.Shared;
using Cohort.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Pipeline;

/// <summary>The stage 2 and stage 3 pipeline tables through HTTP: from one stage's decision to the next stage's table.</summary>
public abstract class StagePipelinePagesTests(CohortApp app)
{
    private const string Script = "<script>alert('pipeline')</script>";

    private static AngleSharp.Dom.IElement? Row(Browser.Page table, int id) => table.One($"#decide tr:has(input[name=ids][value='{id}'])");

    private Task<ApplicationState?> AssessmentEntryStateAsync(int applicationId) =>
        app.WithDbAsync(db => GeneralApplications.AssessmentEntryStateAsync(db, applicationId));

    [Fact]
    public async Task An_applicant_advanced_at_stage_1_waits_in_the_stage_2_table_and_advancing_there_opens_the_streams()
    {
        var applicant = await app.AddApplicantAsync(ApplicationState.Submitted, name: "Stage Two " + Script);
        using var admin = await app.AsAsync(Roles.Admin);
        var before = await admin.GetAsync("/admin/pipeline/assessments");
        await admin.SubmitAsync(PipelineData.Tick(await admin.GetAsync("/admin/pipeline/general"), applicant.ApplicationId), "#decide", new Dictionary<string, string> { ["decision"] = "Advance" });

        var assessmentStage = await admin.GetAsync("/admin/pipeline/assessments?state=Submitted");

        Assert.Null(Row(before, applicant.ApplicationId));
        var row = Row(assessmentStage, applicant.ApplicationId);
        Assert.NotNull(row);
        Assert.Contains("Awaiting decision", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Script, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(assessmentStage.All("script"), e => e.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => StreamsStage.IsInvitedAsync(db, db.Applications.Single(a => a.Id == applicant.ApplicationId).ApplicantId, db.Seasons.Single(s => s.IsCurrent).Id, default)));

        var after = await admin.SubmitAsync(PipelineData.Tick(assessmentStage, applicant.ApplicationId), "#decide", new Dictionary<string, string> { ["decision"] = "Advance" });

        Assert.Contains("1 application advanced.", after.One(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Advanced, await AssessmentEntryStateAsync(applicant.ApplicationId));
        using var applicantBrowser = await app.AsAsync(applicant.Email, applicant.Password);
        await new Portal.PortalData(app).OpenStreamsStageAsync();
        Assert.NotNull((await applicantBrowser.GetAsync("/portal")).One("a[href='/streams/apply']"));
    }

    [Fact]
    public async Task The_stage_3_table_filters_by_stream_and_decides_one_stream_application_without_touching_the_others()
    {
        var applicant = await app.AddApplicantAsync(ApplicationState.Advanced, name: "Stage Three " + Script);
        var (first, second) = await app.WithDbAsync(async db =>
        {
            var general = await db.Applications.SingleAsync(a => a.Id == applicant.ApplicationId);
            var streams = await db.Streams.OrderBy(s => s.Id).Take(2).ToListAsync();
            var applications = streams.Select(s => new StreamApplication { StreamId = s.Id, ApplicantId = general.ApplicantId, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow }).ToList();
            db.StreamApplications.AddRange(applications);
            await db.SaveChangesAsync();
            return (applications[0], applications[1]);
        });
        var firstStream = await app.WithDbAsync(db => db.Streams.SingleAsync(s => s.Id == first.StreamId));
        using var admin = await app.AsAsync(Roles.Admin);

        var all = await admin.GetAsync("/admin/pipeline/streams");
        var filtered = await admin.GetAsync($"/admin/pipeline/streams?stream={first.StreamId}");

        Assert.NotNull(all.One($"select#stream option[value='{first.StreamId}']"));
        Assert.NotNull(Row(all, first.Id));
        Assert.NotNull(Row(all, second.Id));
        Assert.Contains(firstStream.Name, Row(filtered, first.Id)!.TextContent, StringComparison.Ordinal);
        Assert.Null(Row(filtered, second.Id));
        Assert.DoesNotContain(all.All("script"), e => e.TextContent.Contains("alert", StringComparison.Ordinal));

        var confirm = await admin.SubmitAsync(PipelineData.Tick(filtered, first.Id), "#decide", new Dictionary<string, string> { ["decision"] = "Reject" });
        Assert.Equal(ApplicationState.Submitted, await app.WithDbAsync(db => db.StreamApplications.Where(a => a.Id == first.Id).Select(a => a.State).SingleAsync()));
        var after = await admin.SubmitAsync(confirm, "#confirmed", new Dictionary<string, string>());

        Assert.Contains("1 application rejected.", after.One(".notice")!.TextContent, StringComparison.Ordinal);
        var states = await app.WithDbAsync(db => db.StreamApplications.Where(a => a.Id == first.Id || a.Id == second.Id).ToDictionaryAsync(a => a.Id, a => a.State));
        Assert.Equal(ApplicationState.Rejected, states[first.Id]);
        Assert.Equal(ApplicationState.Submitted, states[second.Id]);
    }
}

public sealed class StagePipelinePagesOnSqlite(SqliteApp app) : StagePipelinePagesTests(app), IClassFixture<SqliteApp>;

public sealed class StagePipelinePagesOnPostgres(PostgresApp app) : StagePipelinePagesTests(app), IClassFixture<PostgresApp>;
