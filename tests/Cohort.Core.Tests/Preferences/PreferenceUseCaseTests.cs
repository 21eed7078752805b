using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Preferences;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Preferences;

/// <summary>The preference use cases on their own: who may save, which applications count, and what a refusal leaves behind.</summary>
public abstract class PreferenceUseCaseTests
{
    private const string Stranger = "The ranking names an applicant who did not apply to this stream";
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected PreferenceUseCaseTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    private Task<Actor> DemoMentorAsync() => core.RunAsync<CohortDbContext, Actor>(async db =>
        new Actor((await db.Mentors.SingleAsync(m => m.Slug == DemoSeason.DemoMentorSlug)).UserId, "demo mentor"));

    private Task<int> ApplicationIdAsync(string applicant, string slug) =>
        core.RunAsync<CohortDbContext, int>(db => db.StreamApplications.Where(a => a.ApplicantId == applicant && a.Stream!.Slug == slug).Select(a => a.Id).SingleAsync());

    private Task<List<MentorPreferenceInput>> InputsAsync(int application) =>
        core.RunAsync<CohortDbContext, List<MentorPreferenceInput>>(db => db.MentorPreferenceInputs.Where(i => i.StreamApplicationId == application).ToListAsync());

    [Fact]
    public async Task Only_a_mentor_of_the_stream_may_save_its_ranking()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Internals);
        var application = await ApplicationIdAsync(applicant, StreamsStageApplicants.Internals);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        var demoMentor = await DemoMentorAsync();

        var refusal = await core.RunAsync<SaveStreamPreferences, string?>(save => save.RunAsync(demoMentor, stream, [new PreferenceRow(application, 1)]));

        Assert.Equal("Only a mentor of this stream can rank its applicants.", refusal);
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.StreamPreferences.AnyAsync(e => e.StreamApplicationId == application)));
    }

    [Fact]
    public async Task A_withdrawn_application_cannot_be_ranked_by_the_stream_or_by_the_applicant()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition, StreamsStageApplicants.Internals);
        var coalition = await ApplicationIdAsync(applicant, StreamsStageApplicants.Coalition);
        var internals = await ApplicationIdAsync(applicant, StreamsStageApplicants.Internals);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        Assert.Null(await core.RunAsync<WithdrawStreamApplication, string?>(withdraw => withdraw.RunAsync(applicant, stream)));
        var demoMentor = await DemoMentorAsync();

        var byStream = await core.RunAsync<SaveStreamPreferences, string?>(save => save.RunAsync(demoMentor, stream, [new PreferenceRow(coalition, 1)]));
        var withIt = await core.RunAsync<SaveApplicantPreferences, string?>(save => save.RunAsync(applicant, [new PreferenceRow(coalition, 1), new PreferenceRow(internals, 2)]));
        var withoutIt = await core.RunAsync<SaveApplicantPreferences, string?>(save => save.RunAsync(applicant, [new PreferenceRow(internals, 1)]));

        Assert.StartsWith(Stranger, byStream, StringComparison.Ordinal);
        Assert.Contains("not yours or no longer under consideration", withIt, StringComparison.Ordinal);
        Assert.Null(withoutIt);
        Assert.Equal([internals], await core.RunAsync<CohortDbContext, List<int>>(db => db.ApplicantStreamPreferences.Where(r => r.ApplicantId == applicant).Select(r => r.StreamApplicationId).ToListAsync()));
    }

    [Fact]
    public async Task A_mentors_input_is_replaced_as_a_whole_and_bad_input_leaves_the_last_one()
    {
        var first = await ApplicationIdAsync(await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition), StreamsStageApplicants.Coalition);
        var second = await ApplicationIdAsync(await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition), StreamsStageApplicants.Coalition);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var mentor = await DemoMentorAsync();
        Task<string?> SaveAsync(params PreferenceRow[] rows) => core.RunAsync<SaveMentorInput, string?>(save => save.RunAsync(mentor, stream, rows));

        Assert.Null(await SaveAsync(new PreferenceRow(first, 1, Note: "  careful work  "), new PreferenceRow(second, 2)));
        Assert.Null(await SaveAsync(new PreferenceRow(first, null, NotAcceptable: true), new PreferenceRow(second, 1)));
        var duplicate = await SaveAsync(new PreferenceRow(first, 1), new PreferenceRow(second, 1));
        var tooLong = await SaveAsync(new PreferenceRow(first, 1, Note: new string('x', SaveMentorInput.MaxNoteLength + 1)));

        Assert.Contains("Ranks must be the numbers 1 to 2", duplicate, StringComparison.Ordinal);
        Assert.Contains("at most 2000 characters", tooLong, StringComparison.Ordinal);
        var kept = (await InputsAsync(first)).Single();
        Assert.Equal((null, true, ""), (kept.Position, kept.NotAcceptable, kept.Note));
        Assert.Equal(1, (await InputsAsync(second)).Single().Position);
    }
}

public sealed class PreferenceUseCasesOnSqlite(SqliteCore core) : PreferenceUseCaseTests(core), IClassFixture<SqliteCore>;

public sealed class PreferenceUseCasesOnPostgres(PostgresCore core) : PreferenceUseCaseTests(core), IClassFixture<PostgresCore>;
