using System.Text.Json;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Projects;
using Cohort.Core.Preferences;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.StreamApplications;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Projects;

/// <summary>The projects' use cases on their own: who may pitch, decide and rank, and what a publication settles.</summary>
public abstract class ProjectUseCaseTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;

    protected ProjectUseCaseTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    /// <summary>A new applicant of <paramref name="slug"/> holding an offer in <paramref name="state"/>, and the application it is for.</summary>
    private async Task<(Actor Actor, int Application)> FellowAsync(string slug, OfferState state = OfferState.Accepted)
    {
        var applicant = await applicants.SubmittedToAsync(slug);
        var application = await core.RunAsync<CohortDbContext, int>(async db =>
        {
            var id = await db.StreamApplications.Where(a => a.ApplicantId == applicant && a.Stream!.Slug == slug).Select(a => a.Id).SingleAsync();
            await HeldOffers.PutAsync(db, id, state);
            return id;
        });
        return (new Actor(applicant, applicant), application);
    }

    /// <summary>The mentor profile <paramref name="slug"/> as an actor, linked to a new account unless it has one.</summary>
    private async Task<(Actor Actor, int MentorId)> MentorAsync(string slug)
    {
        var linked = await core.RunAsync<CohortDbContext, Core.Catalogue.Mentor>(db => db.Mentors.SingleAsync(m => m.Slug == slug));
        var userId = linked.UserId ?? await applicants.NewAsync();
        await core.RunAsync<CohortDbContext, int>(async db =>
        {
            (await db.Mentors.SingleAsync(m => m.Id == linked.Id)).UserId = userId;
            return await db.SaveChangesAsync();
        });
        return (new Actor(userId, slug), linked.Id);
    }

    private Task<Project> ProjectAsync(string title) =>
        core.RunAsync<CohortDbContext, Project>(db => db.Projects.Include(p => p.Mentors).SingleAsync(p => p.Title == title));

    private Task<string?> PitchAsync(Actor mentor, string slug, string title, int capacity, params int[] mentorIds) => core.RunAsync<PitchProject, string?>(async pitch =>
        await pitch.RunAsync(mentor, await applicants.StreamIdAsync(slug), new ProjectDetails(title, "About " + title, capacity, mentorIds)));

    [Fact]
    public async Task Only_fellows_pitch_and_rank_projects_only_the_streams_mentors_pitch_and_only_a_projects_mentors_rank_for_it()
    {
        var (ada, adaId) = await MentorAsync("ada-okafor");
        var (tomasz, _) = await MentorAsync("tomasz-wielgosz");
        var (yuxi, yuxiId) = await MentorAsync("yuxi-chen");
        var (pending, _) = await FellowAsync(StreamsStageApplicants.Coalition, OfferState.Pending);
        var (_, fellowApplication) = await FellowAsync(StreamsStageApplicants.Coalition);
        var title = $"Probes {Guid.NewGuid():N}";
        Assert.Null(await PitchAsync(ada, StreamsStageApplicants.Coalition, title, 1, adaId));
        var project = await ProjectAsync(title);

        Assert.Equal("Only a fellow of a stream can pitch a project in it.", await core.RunAsync<PitchOwnProject, string?>(p => p.RunAsync(pending, "Mine", "Please")));
        Assert.Equal("Only a fellow of a stream can rank its projects.", await core.RunAsync<SaveFellowProjectPreferences, string?>(s => s.RunAsync(pending, [new PreferenceRow(project.Id, 1)])));
        Assert.Equal("Only the project's own mentors rank fellows for it.",
            await core.RunAsync<SaveProjectPreferences, string?>(s => s.RunAsync(tomasz, project.Id, [new PreferenceRow(fellowApplication, 1)])));
        Assert.Equal("Only a mentor of this stream can pitch its projects.", await PitchAsync(yuxi, StreamsStageApplicants.Coalition, "Intruder", 1, yuxiId));
        Assert.Equal(EditProject.NoSuchProject, await core.RunAsync<EditProject, string?>(e => e.WithdrawAsync(yuxi, project.Id)));
        Assert.Contains("Only the stream's own mentors", await PitchAsync(ada, StreamsStageApplicants.Coalition, "Borrowed mentor", 1, adaId, yuxiId), StringComparison.Ordinal);
        Assert.Contains("capacity must be 1 or more", await PitchAsync(ada, StreamsStageApplicants.Coalition, "No seat", 0, adaId), StringComparison.Ordinal);
        Assert.Contains("at most 200 characters", await PitchAsync(ada, StreamsStageApplicants.Coalition, new string('t', 201), 1, adaId), StringComparison.Ordinal);

        Assert.Equal(ProjectState.Approved, project.State);
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.Projects.AnyAsync(p => p.Title == "Intruder" || p.Title == "Borrowed mentor" || p.Title == "No seat")));
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.ProjectPreferences.AnyAsync(e => e.ProjectId == project.Id)));
    }

    [Fact]
    public async Task Approving_a_pitch_makes_the_approver_its_mentor_unless_others_are_chosen_and_does_not_place_the_fellow()
    {
        var (tomasz, tomaszId) = await MentorAsync("tomasz-wielgosz");
        var (fellow, _) = await FellowAsync(StreamsStageApplicants.Coalition);
        var title = $"Own idea {Guid.NewGuid():N}";
        Assert.Null(await core.RunAsync<PitchOwnProject, string?>(p => p.RunAsync(fellow, title, "A fellow's own project.")));
        var pitch = await ProjectAsync(title);

        var approved = await core.RunAsync<DecidePitch, string?>(d => d.ApproveAsync(tomasz, pitch.Id, 2, [], "Go ahead"));
        var again = await core.RunAsync<DecidePitch, string?>(d => d.DeclineAsync(tomasz, pitch.Id, "Changed my mind"));

        Assert.Equal((ProjectState.Pending, true, fellow.UserId), (pitch.State, pitch.PitchedByFellow, pitch.PitchedById));
        Assert.Null(approved);
        Assert.Contains("no such pitch waiting", again, StringComparison.Ordinal);
        var decided = await ProjectAsync(title);
        Assert.Equal((ProjectState.Approved, 2, "Go ahead"), (decided.State, decided.Capacity, decided.DecisionNote));
        Assert.Equal([tomaszId], decided.Mentors.Select(m => m.MentorId));
        Assert.False(await core.RunAsync<CohortDbContext, bool>(db => db.FellowProjectPreferences.AnyAsync(r => r.ApplicantId == fellow.UserId)));
    }

    [Fact]
    public async Task Only_the_latest_stable_run_is_published_once_it_reproduces_from_its_input_and_a_later_round_assigns_only_the_fellows_left_to_the_places_left()
    {
        var (jonah, jonahId) = await MentorAsync("jonah-whitcombe");
        var (first, firstApplication) = await FellowAsync(StreamsStageApplicants.Internals);
        var (second, secondApplication) = await FellowAsync(StreamsStageApplicants.Internals);
        var stream = await applicants.StreamIdAsync(StreamsStageApplicants.Internals);
        Assert.Null(await PitchAsync(jonah, StreamsStageApplicants.Internals, "Evaluation awareness", 1, jonahId));
        var project = await ProjectAsync("Evaluation awareness");
        foreach (var fellow in new[] { first, second })
        {
            Assert.Null(await core.RunAsync<SaveFellowProjectPreferences, string?>(s => s.RunAsync(fellow, [new PreferenceRow(project.Id, 1)])));
        }

        Assert.Null(await core.RunAsync<SaveProjectPreferences, string?>(s => s.RunAsync(jonah, project.Id, [new PreferenceRow(secondApplication, 1), new PreferenceRow(firstApplication, 2)])));
        Task<string?> RunAsync() => core.RunAsync<RunProjectMatch, string?>(r => r.RunAsync(jonah, stream));
        Task<string?> PublishAsync(int run) => core.RunAsync<PublishProjectMatch, string?>(p => p.RunAsync(jonah, run, "https://cohort.test/portal/projects"));
        Assert.Null(await RunAsync());
        Assert.Null(await RunAsync());
        var runs = await core.RunAsync<CohortDbContext, List<MatchRun>>(db => db.MatchRuns.ProjectMatches(stream).OrderBy(r => r.Id).ToListAsync());
        // Both kinds of run share one table: a project match is stored for its stream and season, and the stream match's
        // publishing does not see it.
        var season = await core.RunAsync<CohortDbContext, int>(db => db.Streams.Where(s => s.Id == stream).Select(s => s.Track!.SeasonId).SingleAsync());
        Assert.Equal((MatchKind.Projects, season, MatchAlgorithm.CandidatesPropose), (runs[0].Kind, runs[0].SeasonId, runs[0].Algorithm));
        Assert.Equal("There is no such run.", await core.RunAsync<PublishStreamMatch, string?>(p => p.RunAsync(jonah, runs[1].Id, DateTime.UtcNow.AddDays(7), "https://cohort.test/portal")));

        Assert.Contains("A later run exists", await PublishAsync(runs[0].Id), StringComparison.Ordinal);
        Assert.Null(await PublishAsync(runs[1].Id));
        Assert.Contains("cannot be published twice", await PublishAsync(runs[1].Id), StringComparison.Ordinal);

        var result = JsonSerializer.Deserialize<MatchResult>(runs[1].ResultJson)!;
        Assert.Equal(runs[1].ResultJson, JsonSerializer.Serialize(MatchSolver.Solve(JsonSerializer.Deserialize<MatchInput>(runs[1].InputJson)!, runs[1].Algorithm, runs[1].Kind)));
        Assert.Equal((project.Id, (int?)null), (result.Placements.Single(p => p.CandidateId == second.UserId).HostId!.Value, result.Placements.Single(p => p.CandidateId == first.UserId).HostId));
        Assert.True(result.Certificate.IsStable);
        var mail = await core.RunAsync<CohortDbContext, List<string>>(db => db.OutboxMessages.Where(m => m.Subject == "Your project in Model Internals").Select(m => m.Body).ToListAsync());
        Assert.Equal(2, mail.Count);
        Assert.Single(mail, body => body.Contains("your project is \"Evaluation awareness\"", StringComparison.Ordinal));
        Assert.Single(mail, body => body.Contains("no project could be assigned to you", StringComparison.Ordinal));

        // The second fellow's project is settled; the first, left out, takes part in a later round on the places left.
        Assert.Contains("Your project is settled", await core.RunAsync<SaveFellowProjectPreferences, string?>(s => s.RunAsync(second, [])), StringComparison.Ordinal);
        Assert.Contains("cannot be withdrawn", await core.RunAsync<EditProject, string?>(e => e.WithdrawAsync(jonah, project.Id)), StringComparison.Ordinal);
        Assert.Equal(ProjectState.Approved, (await ProjectAsync("Evaluation awareness")).State);
        Assert.Null(await RunAsync());
        var secondRound = await core.RunAsync<CohortDbContext, MatchRun>(db => db.MatchRuns.ProjectMatches(stream).OrderBy(r => r.Id).LastAsync());
        var leftOut = JsonSerializer.Deserialize<MatchInput>(secondRound.InputJson)!;
        Assert.Equal([first.UserId], leftOut.Candidates.Select(c => c.CandidateId));
        Assert.Equal(0, leftOut.Hosts.Single(p => p.HostId == project.Id).Capacity);

        Assert.Null(await PitchAsync(jonah, StreamsStageApplicants.Internals, "Sleeper agents", 1, jonahId));
        var sleeper = await ProjectAsync("Sleeper agents");
        Assert.Null(await core.RunAsync<SaveFellowProjectPreferences, string?>(s => s.RunAsync(first, [new PreferenceRow(project.Id, 1), new PreferenceRow(sleeper.Id, 2)])));
        Assert.Null(await core.RunAsync<SaveProjectPreferences, string?>(s => s.RunAsync(jonah, sleeper.Id, [new PreferenceRow(firstApplication, 1)])));
        Assert.Null(await RunAsync());
        var thirdRound = await core.RunAsync<CohortDbContext, MatchRun>(db => db.MatchRuns.ProjectMatches(stream).OrderBy(r => r.Id).LastAsync());
        Assert.Null(await PublishAsync(thirdRound.Id));

        var placed = JsonSerializer.Deserialize<MatchResult>(thirdRound.ResultJson)!.Placements.Single();
        Assert.Equal((first.UserId, sleeper.Id), (placed.CandidateId, placed.HostId!.Value));
        Assert.Contains("Every fellow of the stream has a published project already", await RunAsync(), StringComparison.Ordinal);
        Assert.Equal(project.Id, (await core.RunAsync<CohortDbContext, Placement?>(db => PublishedAssignments.OutcomeAsync(db, stream, second.UserId!, default)))!.HostId);
    }
}

public sealed class ProjectUseCasesOnSqlite(SqliteCore core) : ProjectUseCaseTests(core), IClassFixture<SqliteCore>;

public sealed class ProjectUseCasesOnPostgres(PostgresCore core) : ProjectUseCaseTests(core), IClassFixture<PostgresCore>;
