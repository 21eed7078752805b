using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Rankings;
using Cohort.Core.Seeding;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Rankings;

/// <summary>The ranking use cases on their own: who may save, which applications count, and what a refusal leaves behind.</summary>
public abstract class RankingUseCaseTests
{
    private const string Stranger = "The ranking names an applicant who did not apply to this stream";
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected RankingUseCaseTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    private Task<Actor> DemoMentorAsync() => core.RunAsync<CohortDbContext, Actor>(async db =>
        new Actor((await db.Mentors.SingleAsync(m => m.Slug == DemoSeason.DemoMentorSlug)).UserId, "demo mentor"));

    private Task<int> ApplicationIdAsync(string applicant, string slug) =>
        core.RunAsync<CohortDbContext, int>(db => db.StreamApplications.Where(a => a.ApplicantId == applicant && a.Stream!.Slug == slug).Select(a => a.Id).SingleAsync());

    private Task<List<MentorRankingInput>> InputsAsync(int application) =>
        core.RunAsync<CohortDbContext, List<MentorRankingInput>>(db => db.MentorRankingInputs.Where(i => i.StreamApplicationId == application).ToListAsync());

    [Fact]
    public async Task Only_a_mentor_of_the_stream_may_save_its_ranking()
    {
        var applicant = await applicants.SubmittedToAsync(StreamsStageApplicants.Internals);
        var application = await ApplicationIdAsync(applicant, StreamsStageApplicants.Internals);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        var demoMentor = await DemoMentorAsync();

        var refusal = await core.RunAsync<SaveStreamRanking, string?>(save => save.RunAsync(demoMentor, stream, [new RankedRow(application, 1)]));

        Assert.Equal("Only a mentor of this stream can rank its applicants.", refusal);
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.StreamRankingEntries.AnyAsync(e => e.StreamApplicationId == application)));
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

        var byStream = await core.RunAsync<SaveStreamRanking, string?>(save => save.RunAsync(demoMentor, stream, [new RankedRow(coalition, 1)]));
        var withIt = await core.RunAsync<SaveApplicantRanking, string?>(save => save.RunAsync(applicant, [new RankedRow(coalition, 1), new RankedRow(internals, 2)]));
        var withoutIt = await core.RunAsync<SaveApplicantRanking, string?>(save => save.RunAsync(applicant, [new RankedRow(internals, 1)]));

        Assert.StartsWith(Stranger, byStream, StringComparison.Ordinal);
        Assert.Contains("not yours or no longer under consideration", withIt, StringComparison.Ordinal);
        Assert.Null(withoutIt);
        Assert.Equal([internals], await core.RunAsync<CohortDbContext, List<int>>(db => db.ApplicantStreamRankings.Where(r => r.ApplicantId == applicant).Select(r => r.StreamApplicationId).ToListAsync()));
    }

    [Fact]
    public async Task A_mentors_input_is_replaced_as_a_whole_and_bad_input_leaves_the_last_one()
    {
        var first = await ApplicationIdAsync(await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition), StreamsStageApplicants.Coalition);
        var second = await ApplicationIdAsync(await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition), StreamsStageApplicants.Coalition);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        var mentor = await DemoMentorAsync();
        Task<string?> SaveAsync(params RankedRow[] rows) => core.RunAsync<SaveMentorInput, string?>(save => save.RunAsync(mentor, stream, rows));

        Assert.Null(await SaveAsync(new RankedRow(first, 1, Note: "  careful work  "), new RankedRow(second, 2)));
        Assert.Null(await SaveAsync(new RankedRow(first, null, NotAcceptable: true), new RankedRow(second, 1)));
        var duplicate = await SaveAsync(new RankedRow(first, 1), new RankedRow(second, 1));
        var tooLong = await SaveAsync(new RankedRow(first, 1, Note: new string('x', SaveMentorInput.MaxNoteLength + 1)));

        Assert.Contains("Ranks must be the numbers 1 to 2", duplicate, StringComparison.Ordinal);
        Assert.Contains("at most 2000 characters", tooLong, StringComparison.Ordinal);
        var kept = (await InputsAsync(first)).Single();
        Assert.Equal((null, true, ""), (kept.Position, kept.NotAcceptable, kept.Note));
        Assert.Equal(1, (await InputsAsync(second)).Single().Position);
    }
}

public sealed class RankingUseCasesOnSqlite(SqliteCore core) : RankingUseCaseTests(core), IClassFixture<SqliteCore>;

public sealed class RankingUseCasesOnPostgres(PostgresCore core) : RankingUseCaseTests(core), IClassFixture<PostgresCore>;
