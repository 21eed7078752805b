using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Assessments;

/// <summary>Stage 2 from the applicant's side: who may start, one attempt, a clock enforced on the server, automatic scores.</summary>
public abstract class AttemptTests(CoreServicesFixture core)
{
    private static readonly DateTimeOffset WindowOpens = new(2027, 2, 8, 9, 0, 0, TimeSpan.Zero);

    private async Task<string> NewApplicantAsync(ApplicationState? general)
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.net";
        await core.RunAsync<CreateAccount, Microsoft.AspNetCore.Identity.IdentityResult>(create =>
            create.RunAsync(email, "a long enough passphrase", "Stage Two", Roles.Applicant, Actor.System));
        return await core.RunAsync<CohortDbContext, string>(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            if (general is { } state)
            {
                await GeneralApplications.PutAsync(db, user.Id, state);
            }

            return user.Id;
        });
    }

    /// <summary>A fresh assessment of the demo track: one item of each automatically scored kind and one for reviewers.</summary>
    private Task<Assessment> NewAssessmentAsync(int limitMinutes = 30, int windowHours = 24) =>
        core.RunAsync<CohortDbContext, Assessment>(async db =>
        {
            var assessment = new Assessment
            {
                TrackId = await db.Tracks.Select(t => t.Id).FirstAsync(),
                Slug = $"test-{Guid.NewGuid():N}",
                Title = "Test assessment",
                TimeLimitMinutes = limitMinutes,
                OpensAt = WindowOpens.UtcDateTime,
                ClosesAt = WindowOpens.UtcDateTime.AddHours(windowHours),
                Items =
                {
                    new AssessmentItem { Position = 0, Kind = ItemKind.MultipleChoice, Points = 2, Prompt = "Pick", ChoicesText = "Yes\nNo", AnswerKey = "Yes" },
                    new AssessmentItem { Position = 1, Kind = ItemKind.Numeric, Points = 3, Prompt = "How many?", AnswerKey = "12", Tolerance = 0.5 },
                    new AssessmentItem { Position = 2, Kind = ItemKind.Ordering, Points = 4, Prompt = "Order", ChoicesText = "A\nB\nC", AnswerKey = "A\nB\nC" },
                    new AssessmentItem { Position = 3, Kind = ItemKind.FreeText, Points = 5, Prompt = "Explain", RubricText = "Clarity" },
                },
            };
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            return assessment;
        });

    private Task<AttemptOutcome> StartAsync(string applicant, Assessment assessment) =>
        core.RunAsync<StartAttempt, AttemptOutcome>(start => start.RunAsync(applicant, assessment.Id));

    private Task<AttemptOutcome> SaveAsync(string applicant, Assessment assessment, Dictionary<int, string> answers) =>
        core.RunAsync<SaveAttemptAnswers, AttemptOutcome>(save => save.RunAsync(applicant, assessment.Id, answers));

    private Task<AttemptOutcome> SubmitAsync(string applicant, Assessment assessment) =>
        core.RunAsync<SubmitAttempt, AttemptOutcome>(submit => submit.RunAsync(applicant, assessment.Id));

    private Task<Attempt> StoredAsync(string applicant, Assessment assessment) =>
        core.RunAsync<CohortDbContext, Attempt>(db => db.Attempts.AsNoTracking().Include(a => a.Answers)
            .SingleAsync(a => a.ApplicantId == applicant && a.AssessmentId == assessment.Id));

    private static int Item(Assessment assessment, ItemKind kind) => assessment.Items.Single(i => i.Kind == kind).Id;

    [Fact]
    public async Task Only_applicants_advanced_from_general_stage_can_start()
    {
        core.Clock.Now = WindowOpens.AddHours(1);
        var assessment = await NewAssessmentAsync();
        var neverApplied = await NewApplicantAsync(null);
        var submitted = await NewApplicantAsync(ApplicationState.Submitted);
        var rejected = await NewApplicantAsync(ApplicationState.Rejected);
        var advanced = await NewApplicantAsync(ApplicationState.Advanced);

        foreach (var uninvited in new[] { neverApplied, submitted, rejected })
        {
            var refused = await StartAsync(uninvited, assessment);
            Assert.Null(refused.Attempt);
            Assert.Contains("invited to stage 2", refused.Refusal, StringComparison.Ordinal);
        }

        var started = await StartAsync(advanced, assessment);
        Assert.NotNull(started.Attempt);
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.Attempts.CountAsync(a => a.AssessmentId == assessment.Id)));
    }

    [Fact]
    public async Task Opening_again_returns_the_one_attempt_with_its_first_clock()
    {
        core.Clock.Now = WindowOpens.AddHours(1);
        var assessment = await NewAssessmentAsync(limitMinutes: 30);
        var applicant = await NewApplicantAsync(ApplicationState.Advanced);
        var first = await StartAsync(applicant, assessment);

        core.Clock.Now = WindowOpens.AddHours(1).AddMinutes(10);
        var racing = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => StartAsync(applicant, assessment))));

        Assert.All(racing, r => Assert.Equal(first.Attempt!.Id, r.Attempt!.Id));
        Assert.All(racing, r => Assert.Equal(WindowOpens.AddHours(1).AddMinutes(30).UtcDateTime, r.Attempt!.Deadline));
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.Attempts.CountAsync(a => a.ApplicantId == applicant)));
    }

    [Fact]
    public async Task The_deadline_is_the_time_limit_but_never_after_the_window_closes()
    {
        var assessment = await NewAssessmentAsync(limitMinutes: 90, windowHours: 24);
        var early = await NewApplicantAsync(ApplicationState.Advanced);
        var late = await NewApplicantAsync(ApplicationState.Advanced);

        core.Clock.Now = WindowOpens.AddHours(2);
        var earlyAttempt = (await StartAsync(early, assessment)).Attempt!;
        core.Clock.Now = WindowOpens.AddHours(23.5);
        var lateAttempt = (await StartAsync(late, assessment)).Attempt!;

        Assert.Equal(WindowOpens.AddHours(3.5).UtcDateTime, earlyAttempt.Deadline);
        Assert.Equal(assessment.ClosesAt, lateAttempt.Deadline);
    }

    [Fact]
    public async Task Answers_after_the_time_limit_are_refused_and_the_earlier_ones_kept_and_scored()
    {
        core.Clock.Now = WindowOpens.AddHours(1);
        var assessment = await NewAssessmentAsync(limitMinutes: 30);
        var applicant = await NewApplicantAsync(ApplicationState.Advanced);
        await StartAsync(applicant, assessment);
        core.Clock.Now = WindowOpens.AddHours(1).AddMinutes(29);
        Assert.Null((await SaveAsync(applicant, assessment, new() { [Item(assessment, ItemKind.MultipleChoice)] = "Yes", [Item(assessment, ItemKind.FreeText)] = "Early thoughts" })).Refusal);

        core.Clock.Now = WindowOpens.AddHours(1).AddMinutes(31);
        var late = await SaveAsync(applicant, assessment, new() { [Item(assessment, ItemKind.MultipleChoice)] = "No", [Item(assessment, ItemKind.FreeText)] = "Late rewrite" });
        var lateSubmit = await SubmitAsync(applicant, assessment);

        Assert.Contains("Time ran out", late.Refusal, StringComparison.Ordinal);
        Assert.Contains("Time ran out", lateSubmit.Refusal, StringComparison.Ordinal);
        var stored = await StoredAsync(applicant, assessment);
        Assert.Equal(["Yes", "Early thoughts"], stored.Answers.OrderBy(a => a.ItemId).Select(a => a.Value));
        Assert.Equal(stored.Deadline, stored.ClosedAt);
        Assert.Null(stored.SubmittedAt);
        Assert.Equal(2, stored.AutoScore);
    }

    [Fact]
    public async Task Submitting_scores_every_automatic_item_once_however_often_it_is_sent()
    {
        core.Clock.Now = WindowOpens.AddHours(1);
        var assessment = await NewAssessmentAsync();
        var applicant = await NewApplicantAsync(ApplicationState.Advanced);
        await StartAsync(applicant, assessment);
        await SaveAsync(applicant, assessment, new()
        {
            [Item(assessment, ItemKind.MultipleChoice)] = "Yes",
            [Item(assessment, ItemKind.Numeric)] = "12.4",
            [Item(assessment, ItemKind.Ordering)] = "1\n3\n2", // B and C swapped: τ = 1/3, 4 × (4/3) / 2
            [Item(assessment, ItemKind.FreeText)] = "A careful answer",
        });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => SubmitAsync(applicant, assessment))));

        Assert.All(outcomes, o => Assert.Null(o.Refusal));
        Assert.Single(outcomes.Select(o => o.Attempt!.SubmittedAt).Distinct());
        var stored = await StoredAsync(applicant, assessment);
        Assert.Equal(2 + 3 + 2.67, stored.AutoScore!.Value, 2);
        Assert.Null(stored.Answers.Single(a => a.ItemId == Item(assessment, ItemKind.FreeText)).AutoPoints);
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.AuditEntries.CountAsync(e => e.ActorId == applicant && e.Action == "attempt.submitted")));
        Assert.Contains("handed this assessment in", (await SaveAsync(applicant, assessment, new() { [Item(assessment, ItemKind.MultipleChoice)] = "No" })).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_season_has_two_timed_empirical_assessments_inside_the_assessment_stage()
    {
        var demo = await core.RunAsync<CohortDbContext, List<Assessment>>(db => db.Assessments.AsNoTracking().Include(a => a.Items)
            .Where(a => a.Slug == "research-taste" || a.Slug == "technical-implementation").OrderBy(a => a.Slug).ToListAsync());
        var stage = await core.RunAsync<CohortDbContext, Core.Catalogue.Stage>(db => db.Stages
            .SingleAsync(s => s.TrackId == demo[0].TrackId && s.Kind == Core.Catalogue.StageKind.Assessment));

        Assert.Equal([45, 90], demo.Select(a => a.TimeLimitMinutes));
        Assert.All(demo, a => Assert.True(a.OpensAt >= stage.OpensAt && a.ClosesAt <= stage.ClosesAt));
        Assert.Equal([ItemKind.MultipleChoice, ItemKind.Ordering, ItemKind.FreeText], demo[0].Items.OrderBy(i => i.Position).Select(i => i.Kind));
        Assert.Equal([ItemKind.Numeric, ItemKind.Code], demo[1].Items.OrderBy(i => i.Position).Select(i => i.Kind));
    }

    [Fact]
    public async Task Answers_to_items_of_another_assessment_are_ignored()
    {
        core.Clock.Now = WindowOpens.AddHours(1);
        var assessment = await NewAssessmentAsync();
        var other = await NewAssessmentAsync();
        var applicant = await NewApplicantAsync(ApplicationState.Advanced);
        await StartAsync(applicant, assessment);

        await SaveAsync(applicant, assessment, new() { [Item(other, ItemKind.MultipleChoice)] = "Yes", [Item(assessment, ItemKind.Numeric)] = "12" });

        var stored = await StoredAsync(applicant, assessment);
        Assert.Equal([Item(assessment, ItemKind.Numeric)], stored.Answers.Select(a => a.ItemId));
    }
}

public sealed class AttemptsOnSqlite(SqliteCore core) : AttemptTests(core), IClassFixture<SqliteCore>;

public sealed class AttemptsOnPostgres(PostgresCore core) : AttemptTests(core), IClassFixture<PostgresCore>;
