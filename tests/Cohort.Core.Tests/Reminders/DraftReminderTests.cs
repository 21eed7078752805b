using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Reminders;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Jobs;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Reminders;

/// <summary>
/// "Your draft is not submitted", 48 and 6 hours before the deadline: for a general application, a stream application and
/// an assessment attempt, each reminder once however often and wherever the job runs, never for a submitted application,
/// and never late for a draft started after the 6-hour mark.
/// </summary>
public abstract class DraftReminderTests(CoreServicesFixture core)
{
    private readonly Instances instances = new(core);

    [Fact]
    public async Task Drafts_get_one_reminder_48_hours_and_one_6_hours_before_their_deadline_and_nothing_else()
    {
        var start = core.Clock.GetUtcNow().UtcDateTime.Date.AddDays(10);
        var deadline = start.AddHours(50);
        var people = await core.RunAsync<CohortDbContext, Dictionary<string, (string Id, string Email)>>(db => ScenarioAsync(db, start, deadline));

        await instances.LookAtAsync(start.AddHours(1));
        var early = await CountsAsync(people);
        await instances.LookAtAsync(deadline.AddHours(-48).AddMinutes(1));
        await instances.Second.RunNowAsync(instances.Second.Find(DraftReminders.Name)!, "admin", CancellationToken.None);
        var at48 = await CountsAsync(people);
        await instances.LookAtAsync(deadline.AddHours(-6).AddMinutes(1));
        await instances.LookAtAsync(deadline.AddHours(-6).AddMinutes(20));
        var at6 = await CountsAsync(people);

        Assert.All(early.Values, count => Assert.Equal(0, count));
        Assert.Equal(new Dictionary<string, int> { ["general"] = 1, ["stream"] = 1, ["attempt"] = 1, ["submitted"] = 0, ["late"] = 0 }, at48);
        Assert.Equal(new Dictionary<string, int> { ["general"] = 2, ["stream"] = 2, ["attempt"] = 2, ["submitted"] = 0, ["late"] = 0 }, at6);
        var general = await BodiesAsync(people["general"].Email);
        Assert.Contains($"{TestLinks.Origin}/apply/general", general[0], StringComparison.Ordinal);
        Assert.Contains("in about 48 hours", general[0], StringComparison.Ordinal);
        Assert.Contains("in about 6 hours", general[1], StringComparison.Ordinal);
        Assert.Contains($"{TestLinks.Origin}/streams/apply", (await BodiesAsync(people["stream"].Email))[0], StringComparison.Ordinal);
        Assert.Contains($"{TestLinks.Origin}/assessments/", (await BodiesAsync(people["attempt"].Email))[0], StringComparison.Ordinal);
    }

    private Task<Dictionary<string, int>> CountsAsync(Dictionary<string, (string Id, string Email)> people) =>
        core.RunAsync<CohortDbContext, Dictionary<string, int>>(async db =>
        {
            var counts = new Dictionary<string, int>();
            foreach (var (role, person) in people)
            {
                counts[role] = await db.OutboxMessages.CountAsync(m => m.To == person.Email && m.Subject.StartsWith("Not submitted yet"));
            }

            return counts;
        });

    private Task<List<string>> BodiesAsync(string email) =>
        core.RunAsync<CohortDbContext, List<string>>(db => db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync());

    // The general form, one streams stage and one assessment all close at the deadline; five applicants stand at them.
    private static async Task<Dictionary<string, (string Id, string Email)>> ScenarioAsync(CohortDbContext db, DateTime start, DateTime deadline)
    {
        var people = new Dictionary<string, (string Id, string Email)>();
        foreach (var role in new[] { "general", "stream", "attempt", "submitted", "late" })
        {
            var email = $"{role}-{Guid.NewGuid():N}@example.net";
            people[role] = (await ReviewPool.PersonAsync(db, email), email);
        }

        var form = await db.ApplicationForms.SingleAsync(f => f.Kind == FormKind.General);
        (form.OpensAt, form.ClosesAt) = (start.AddDays(-20), deadline);
        var stream = await db.Streams.OrderBy(s => s.Id).FirstAsync();
        var streamsStage = await db.Stages.SingleAsync(s => s.TrackId == stream.TrackId && s.Kind == StageKind.Streams);
        (streamsStage.OpensAt, streamsStage.ClosesAt) = (start.AddDays(-20), deadline);
        var assessment = await db.Assessments.OrderBy(a => a.Id).FirstAsync(a => a.StreamId == null);
        db.Applications.AddRange(
            new Application { FormId = form.Id, ApplicantId = people["general"].Id, State = ApplicationState.Draft, CreatedAt = start.AddDays(-1) },
            new Application { FormId = form.Id, ApplicantId = people["submitted"].Id, State = ApplicationState.Submitted, CreatedAt = start.AddDays(-1), SubmittedAt = start },
            new Application { FormId = form.Id, ApplicantId = people["late"].Id, State = ApplicationState.Draft, CreatedAt = deadline.AddHours(-6).AddSeconds(30) });
        db.StreamApplications.Add(new StreamApplication { StreamId = stream.Id, ApplicantId = people["stream"].Id, State = ApplicationState.Draft, CreatedAt = start.AddDays(-1) });
        db.Attempts.Add(new Attempt { AssessmentId = assessment.Id, ApplicantId = people["attempt"].Id, StartedAt = start, Deadline = deadline, UpdatedAt = start });
        await db.SaveChangesAsync();
        return people;
    }
}

public sealed class DraftReminderOnSqlite(SqliteCore core) : DraftReminderTests(core), IClassFixture<SqliteCore>;

public sealed class DraftReminderOnPostgres(PostgresCore core) : DraftReminderTests(core), IClassFixture<PostgresCore>;
