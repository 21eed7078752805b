using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.StreamApplications;

/// <summary>Stage 3 from the applicant's side: choosing streams, shared answers given once, submission per stream.</summary>
public abstract class StreamApplicationTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected StreamApplicationTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    [Fact]
    public async Task A_shared_question_answered_once_fills_every_stream_application_that_asks_it()
    {
        var applicant = await applicants.NewAsync();
        await applicants.ChooseAsync(applicant, StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);

        await applicants.SaveAsync(applicant, StreamsStageApplicants.CompleteAnswers);
        var coalition = await applicants.SubmitAsync(applicant, StreamsStageApplicants.Coalition);
        var internals = await applicants.SubmitAsync(applicant, StreamsStageApplicants.Internals);

        Assert.True(coalition.Submitted && internals.Submitted);
        var surprising = await core.RunAsync<CohortDbContext, List<string>>(db => db.StreamAnswers
            .Where(a => a.ApplicantId == applicant && db.StreamQuestions.Any(q => q.Id == a.QuestionId && q.Key == "surprising-result"))
            .Select(a => a.Value).ToListAsync());
        Assert.Equal([StreamsStageApplicants.CompleteAnswers["surprising-result"]], surprising);
    }

    [Fact]
    public async Task A_stream_lists_its_own_missing_answers_and_not_another_streams()
    {
        var applicant = await applicants.NewAsync();
        await applicants.ChooseAsync(applicant, StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        await applicants.SaveAsync(applicant, new Dictionary<string, string> { ["surprising-result"] = "Grokking.", ["weekly-hours"] = "More than 40" });

        var coalition = await applicants.SubmitAsync(applicant, StreamsStageApplicants.Coalition);
        var internals = await applicants.SubmitAsync(applicant, StreamsStageApplicants.Internals);

        Assert.Equal(["protocol-attack"], coalition.Problems.Select(p => p.QuestionKey));
        Assert.True(internals.Submitted);
    }

    [Fact]
    public async Task Only_applicants_advanced_past_the_general_application_and_the_assessments_may_choose_streams()
    {
        var submittedOnly = await applicants.NewAsync(ApplicationState.Submitted, assessmentState: null);
        var awaitingAssessmentStage = await applicants.NewAsync(ApplicationState.Advanced, assessmentState: ApplicationState.Submitted);
        var waitlistedAtAssessmentStage = await applicants.NewAsync(ApplicationState.Advanced, assessmentState: ApplicationState.Waitlisted);

        foreach (var refused in new[] { submittedOnly, awaitingAssessmentStage, waitlistedAtAssessmentStage })
        {
            var refusal = await applicants.ChooseAsync(refused, StreamsStageApplicants.Coalition);

            Assert.Equal(StreamsStage.NotInvited, refusal);
            Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.StreamApplications.AnyAsync(a => a.ApplicantId == refused)));
        }
    }

    [Fact]
    public async Task An_answer_a_submitted_stream_reads_is_not_rewritten_by_a_later_draft()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Internals);
        await applicants.ChooseAsync(applicant, StreamsStageApplicants.Internals, StreamsStageApplicants.Coalition);

        await applicants.SaveAsync(applicant, new Dictionary<string, string> { ["surprising-result"] = "Rewritten later", ["protocol-attack"] = "New answer" });

        var answers = await core.RunAsync<CohortDbContext, List<string>>(db => db.StreamAnswers.Where(a => a.ApplicantId == applicant).Select(a => a.Value).ToListAsync());
        Assert.Contains(StreamsStageApplicants.CompleteAnswers["surprising-result"], answers);
        Assert.DoesNotContain("Rewritten later", answers);
        Assert.Contains("New answer", answers);
    }

    [Fact]
    public async Task Answers_and_submissions_after_stage_3_closes_are_refused_and_the_draft_kept()
    {
        var applicant = await applicants.NewAsync();
        await applicants.ChooseAsync(applicant, StreamsStageApplicants.Internals);
        await applicants.SaveAsync(applicant, StreamsStageApplicants.CompleteAnswers);
        core.Clock.Now = new DateTimeOffset(CoreServicesFixture.Demo.At(29)); // a minute after stage 3 closed at D+28 23:59

        var saved = await applicants.SaveAsync(applicant, new Dictionary<string, string> { ["weekly-hours"] = "Fewer than 20" });
        var submitted = await applicants.SubmitAsync(applicant, StreamsStageApplicants.Internals);

        Assert.Contains("closed", saved.Refusal, StringComparison.Ordinal);
        Assert.Contains("closed", submitted.Refusal, StringComparison.Ordinal);
        var application = await core.RunAsync<CohortDbContext, Core.StreamApplications.StreamApplication>(db => db.StreamApplications.SingleAsync(a => a.ApplicantId == applicant));
        Assert.Equal(ApplicationState.Draft, application.State);
    }

    [Fact]
    public async Task Simultaneous_submits_of_one_stream_application_submit_it_once_with_one_mail()
    {
        var applicant = await applicants.NewAsync();
        await applicants.ChooseAsync(applicant, StreamsStageApplicants.Coalition);
        await applicants.SaveAsync(applicant, StreamsStageApplicants.CompleteAnswers);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => applicants.SubmitAsync(applicant, StreamsStageApplicants.Coalition))));

        Assert.All(outcomes, o => Assert.True(o.Submitted, o.Refusal));
        var email = await core.RunAsync<CohortDbContext, string>(db => db.Users.Where(u => u.Id == applicant).Select(u => u.Email!).SingleAsync());
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.To == email)));
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.AuditEntries.CountAsync(e => e.ActorId == applicant && e.Action == "stream-application.submitted")));
    }
}

public sealed class StreamApplicationOnSqlite(SqliteCore core) : StreamApplicationTests(core), IClassFixture<SqliteCore>;

public sealed class StreamApplicationOnPostgres(PostgresCore core) : StreamApplicationTests(core), IClassFixture<PostgresCore>;
