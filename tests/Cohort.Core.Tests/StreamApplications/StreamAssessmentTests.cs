using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.StreamApplications;

/// <summary>A stream's follow-up assessment: the stage 2 engine, open only to the applicants that stream is considering.</summary>
public abstract class StreamAssessmentTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected StreamAssessmentTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    /// <summary>A new assessment of <paramref name="streamSlug"/>, open now: two items scored automatically and one for the mentors.</summary>
    private Task<Assessment> NewStreamAssessmentAsync(string streamSlug) =>
        core.RunAsync<CohortDbContext, Assessment>(async db =>
        {
            var stream = await db.Streams.SingleAsync(s => s.Slug == streamSlug);
            var now = core.Clock.GetUtcNow().UtcDateTime;
            var assessment = new Assessment
            {
                TrackId = stream.TrackId,
                StreamId = stream.Id,
                Slug = $"follow-up-{Guid.NewGuid():N}",
                Title = "Follow-up",
                TimeLimitMinutes = 60,
                OpensAt = now.AddHours(-1),
                ClosesAt = now.AddDays(2),
                Items =
                {
                    new AssessmentItem { Position = 0, Kind = ItemKind.MultipleChoice, Points = 2, Prompt = "Pick", ChoicesText = "Yes\nNo", AnswerKey = "Yes" },
                    new AssessmentItem { Position = 1, Kind = ItemKind.Numeric, Points = 3, Prompt = "How many?", AnswerKey = "12", Tolerance = 0.5 },
                    new AssessmentItem { Position = 2, Kind = ItemKind.Code, Points = 5, Prompt = "Write it", RubricText = "Correctness" },
                },
            };
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            return assessment;
        });

    private Task<AttemptOutcome> StartAsync(string applicant, Assessment assessment) =>
        core.RunAsync<StartAttempt, AttemptOutcome>(start => start.RunAsync(applicant, assessment.Id));

    private Task<bool> HasAttemptAsync(string applicant, Assessment assessment) =>
        core.RunAsync<CohortDbContext, bool>(db => db.Attempts.AnyAsync(a => a.ApplicantId == applicant && a.AssessmentId == assessment.Id));

    private Task<List<int>> InvitedToAsync(string applicant) =>
        core.RunAsync<CohortDbContext, List<int>>(db => Invitations.For(db, applicant).Select(a => a.Id).ToListAsync());

    private async Task<string> WithdrawnFromCoalitionAsync()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        await core.RunAsync<CohortDbContext, int>(db =>
            db.StreamApplications.Where(a => a.ApplicantId == applicant).ExecuteUpdateAsync(u => u.SetProperty(a => a.State, ApplicationState.Withdrawn)));
        return applicant;
    }

    [Fact]
    public async Task Only_applicants_whose_application_to_the_stream_is_under_consideration_can_start_its_assessment()
    {
        var assessment = await NewStreamAssessmentAsync(StreamsStageApplicants.Coalition);
        var considered = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var elsewhere = await applicants.SubmittedToAsync(StreamsStageApplicants.Internals);
        var advancedOnly = await applicants.NewAsync();
        var withdrawn = await WithdrawnFromCoalitionAsync();

        foreach (var outsider in new[] { elsewhere, advancedOnly, withdrawn })
        {
            var refused = await StartAsync(outsider, assessment);
            Assert.Contains("under consideration", refused.Refusal, StringComparison.Ordinal);
            Assert.False(await HasAttemptAsync(outsider, assessment));
            Assert.DoesNotContain(assessment.Id, await InvitedToAsync(outsider));
        }

        var started = await StartAsync(considered, assessment);
        Assert.Null(started.Refusal);
        Assert.True(await HasAttemptAsync(considered, assessment));
        Assert.Contains(assessment.Id, await InvitedToAsync(considered));
    }

    [Fact]
    public async Task An_applicant_under_consideration_starts_saves_and_submits_and_is_scored_automatically()
    {
        var assessment = await NewStreamAssessmentAsync(StreamsStageApplicants.Coalition);
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        int Item(ItemKind kind) => assessment.Items.Single(i => i.Kind == kind).Id;
        var answers = new Dictionary<int, string> { [Item(ItemKind.MultipleChoice)] = "Yes", [Item(ItemKind.Numeric)] = "40", [Item(ItemKind.Code)] = "print(12)" };
        var expected = assessment.Items.Where(i => i.IsScoredAutomatically).Sum(i => AutoScoring.Score(i, answers[i.Id]));

        Assert.Null((await StartAsync(applicant, assessment)).Refusal);
        var saved = await core.RunAsync<SaveAttemptAnswers, AttemptOutcome>(save => save.RunAsync(applicant, assessment.Id, answers));
        var submitted = await core.RunAsync<SubmitAttempt, AttemptOutcome>(submit => submit.RunAsync(applicant, assessment.Id));

        Assert.Null(saved.Refusal);
        Assert.Null(submitted.Refusal);
        var attempt = await core.RunAsync<CohortDbContext, Attempt>(db => db.Attempts.AsNoTracking().Include(a => a.Answers)
            .SingleAsync(a => a.ApplicantId == applicant && a.AssessmentId == assessment.Id));
        Assert.NotNull(attempt.SubmittedAt);
        Assert.Equal(expected, attempt.AutoScore);
        Assert.True(expected > 0 && expected < assessment.Items.Where(i => i.IsScoredAutomatically).Sum(i => i.Points), "the answers score some points, not all");
        Assert.Equal("print(12)", attempt.Answers.Single(a => a.ItemId == Item(ItemKind.Code)).Value);
        Assert.Null(attempt.Answers.Single(a => a.ItemId == Item(ItemKind.Code)).AutoPoints);
    }

    [Fact]
    public async Task Assessment_stage_assessments_keep_inviting_applicants_advanced_from_general_stage_and_only_them()
    {
        var streamAssessment = await NewStreamAssessmentAsync(StreamsStageApplicants.Coalition);
        var advanced = await applicants.NewAsync();
        var submittedOnly = await applicants.NewAsync(ApplicationState.Submitted);
        var assessmentStage = await core.RunAsync<CohortDbContext, List<int>>(db => db.Assessments.Where(a => a.StreamId == null).Select(a => a.Id).ToListAsync());

        var invited = await InvitedToAsync(advanced);

        Assert.NotEmpty(assessmentStage);
        Assert.Equal(assessmentStage.Order(), invited.Order());
        Assert.DoesNotContain(streamAssessment.Id, invited);
        Assert.Empty(await InvitedToAsync(submittedOnly));
    }
}

public sealed class StreamAssessmentOnSqlite(SqliteCore core) : StreamAssessmentTests(core), IClassFixture<SqliteCore>;

public sealed class StreamAssessmentOnPostgres(PostgresCore core) : StreamAssessmentTests(core), IClassFixture<PostgresCore>;
