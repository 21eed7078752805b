using Cohort.Core.Data;
using Cohort.Core.Match;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Core.Tests.Jobs;
using Cohort.Core.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Match;

/// <summary>Offers lapse at their deadline through the scheduled job, with no admin running the match, and once.</summary>
public abstract class OfferLapseJobTests
{
    private readonly CoreServicesFixture core;
    private readonly StreamsStageApplicants applicants;
    private readonly Instances instances;

    protected OfferLapseJobTests(CoreServicesFixture core)
    {
        this.core = core;
        applicants = new StreamsStageApplicants(core);
        instances = new Instances(core);
        core.Clock.Now = StreamsStageApplicants.StreamsStageOpen;
    }

    [Fact]
    public async Task An_unanswered_offer_lapses_at_its_deadline_through_the_job_with_one_mail_and_one_audit_entry_however_many_instances_run()
    {
        var p = await applicants.SubmittedToAsync(StreamsStageApplicants.Coalition);
        var c = await applicants.StreamIdAsync(StreamsStageApplicants.Coalition);
        await MatchScenario.RankAsync(core, [(c, [p])], [(p, [c])]);
        await MatchScenario.RunAsync(core);
        Assert.Null(await MatchScenario.PublishLatestAsync(core));
        var offer = await core.RunAsync<CohortDbContext, Offer>(db => db.Offers.AsNoTracking().SingleAsync(o => o.ApplicantId == p));

        await instances.LookAtAsync(offer.RespondBy.AddMinutes(-1));
        var before = await StateAsync(offer.Id);
        await instances.LookAtAsync(offer.RespondBy.AddSeconds(30));
        await instances.LookAtAsync(offer.RespondBy.AddMinutes(2));
        await instances.Second.RunNowAsync(instances.Second.Find(LapseOffersAtDeadline.Name)!, "admin", CancellationToken.None);

        Assert.Equal(OfferState.Pending, before);
        Assert.Equal(OfferState.Lapsed, await StateAsync(offer.Id));
        var email = await core.RunAsync<CohortDbContext, string>(db => db.Users.Where(u => u.Id == p).Select(u => u.Email!).SingleAsync());
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.EndsWith(" lapsed"))));
        var audit = await core.RunAsync<CohortDbContext, List<string>>(db => db.AuditEntries.Where(e => e.Action == "offer.lapsed" && e.Subject == $"offer:{offer.Id}").Select(e => e.Actor).ToListAsync());
        Assert.Equal([LapseOffersAtDeadline.Actor.Name], audit);
    }

    private Task<OfferState> StateAsync(int offerId) =>
        core.RunAsync<CohortDbContext, OfferState>(db => db.Offers.Where(o => o.Id == offerId).Select(o => o.State).SingleAsync());
}

public sealed class OfferLapseJobOnSqlite(SqliteCore core) : OfferLapseJobTests(core), IClassFixture<SqliteCore>;

public sealed class OfferLapseJobOnPostgres(PostgresCore core) : OfferLapseJobTests(core), IClassFixture<PostgresCore>;
