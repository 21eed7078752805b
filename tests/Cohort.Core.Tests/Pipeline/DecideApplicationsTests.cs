using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Pipeline;
using Cohort.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Pipeline;

/// <summary>Admins decide submitted applications in bulk; every decision is audited and nothing else is touched.</summary>
public abstract class DecideApplicationsTests(CoreServicesFixture core)
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");

    private Task<DecisionOutcome> DecideAsync(Decision decision, params int[] ids) => DecideAtAsync(StageKind.General, decision, ids);

    private Task<DecisionOutcome> DecideAtAsync(StageKind stage, Decision decision, params int[] ids) =>
        core.RunAsync<DecideApplications, DecisionOutcome>(decide => decide.RunAsync(Admin, stage, ids, decision));

    private Task<List<AuditEntry>> AuditOfAsync(int id) =>
        core.RunAsync<CohortDbContext, List<AuditEntry>>(db => db.AuditEntries.Where(e => e.Subject == $"application:{id}").ToListAsync());

    [Fact]
    public async Task Submitted_applications_are_advanced_with_one_audit_entry_each()
    {
        var first = await core.AddAsync(ApplicationState.Submitted);
        var second = await core.AddAsync(ApplicationState.Submitted);

        var outcome = await DecideAsync(Decision.Advance, first, second);

        Assert.Equal(new DecisionOutcome(2, 0, null), outcome);
        foreach (var id in new[] { first, second })
        {
            Assert.Equal(ApplicationState.Advanced, await core.StateAsync(id));
            var entry = Assert.Single(await AuditOfAsync(id));
            Assert.Equal(("application.advanced", "Submitted → Advanced", "admin@example.net"), (entry.Action, entry.Details, entry.Actor));
        }
    }

    [Fact]
    public async Task Drafts_withdrawals_and_unknown_ids_are_skipped_and_counted()
    {
        var draft = await core.AddAsync(ApplicationState.Draft);
        var withdrawn = await core.AddAsync(ApplicationState.Withdrawn);
        var submitted = await core.AddAsync(ApplicationState.Submitted);

        var outcome = await DecideAsync(Decision.Reject, draft, withdrawn, submitted, int.MaxValue);

        Assert.Equal(new DecisionOutcome(1, 3, null), outcome);
        Assert.Equal(ApplicationState.Draft, await core.StateAsync(draft));
        Assert.Equal(ApplicationState.Withdrawn, await core.StateAsync(withdrawn));
        Assert.Equal(ApplicationState.Rejected, await core.StateAsync(submitted));
        Assert.Empty(await AuditOfAsync(draft));
        Assert.Empty(await AuditOfAsync(withdrawn));
    }

    [Fact]
    public async Task A_waitlisted_application_can_still_be_advanced_but_a_decided_one_cannot_be_decided_again()
    {
        var waitlisted = await core.AddAsync(ApplicationState.Submitted);
        var rejected = await core.AddAsync(ApplicationState.Rejected);
        await DecideAsync(Decision.Waitlist, waitlisted);

        var outcome = await DecideAsync(Decision.Advance, waitlisted, rejected);

        Assert.Equal((1, 1), (outcome.Decided, outcome.Skipped));
        Assert.Equal(ApplicationState.Advanced, await core.StateAsync(waitlisted));
        Assert.Equal(ApplicationState.Rejected, await core.StateAsync(rejected));
        Assert.Equal(["Submitted → Waitlisted", "Waitlisted → Advanced"], (await AuditOfAsync(waitlisted)).OrderBy(e => e.Id).Select(e => e.Details));
    }

    [Fact]
    public async Task Advancing_at_stage_1_puts_the_applicant_in_stage_2_awaiting_its_decision_and_a_stage_2_decision_leaves_stage_1_as_it_was()
    {
        var advanced = await core.AddAsync(ApplicationState.Submitted);
        var notAdvanced = await core.AddAsync(ApplicationState.Submitted);
        await DecideAsync(Decision.Advance, advanced);
        Assert.Equal(ApplicationState.Submitted, await core.AssessmentEntryStateAsync(advanced));
        Assert.Null(await core.AssessmentEntryStateAsync(notAdvanced));

        var outcome = await DecideAtAsync(StageKind.Assessment, Decision.Advance, advanced, notAdvanced);

        Assert.Equal((1, 1), (outcome.Decided, outcome.Skipped));
        Assert.Equal((ApplicationState.Advanced, ApplicationState.Advanced), (await core.StateAsync(advanced), await core.AssessmentEntryStateAsync(advanced)));
        Assert.Equal((ApplicationState.Submitted, (ApplicationState?)null), (await core.StateAsync(notAdvanced), await core.AssessmentEntryStateAsync(notAdvanced)));
        Assert.Equal([("application.advanced", "Submitted → Advanced"), ("assessments.advanced", "Submitted → Advanced")],
            (await AuditOfAsync(advanced)).OrderBy(e => e.Id).Select(e => (e.Action, e.Details)));
    }

    [Fact]
    public async Task A_stage_2_rejection_is_final_and_a_waitlisted_applicant_can_still_be_advanced()
    {
        var rejected = await core.AddAsync(ApplicationState.Submitted);
        var waitlisted = await core.AddAsync(ApplicationState.Submitted);
        await DecideAsync(Decision.Advance, rejected, waitlisted);
        await DecideAtAsync(StageKind.Assessment, Decision.Reject, rejected);
        await DecideAtAsync(StageKind.Assessment, Decision.Waitlist, waitlisted);

        var outcome = await DecideAtAsync(StageKind.Assessment, Decision.Advance, rejected, waitlisted);

        Assert.Equal((1, 1), (outcome.Decided, outcome.Skipped));
        Assert.Equal(ApplicationState.Rejected, await core.AssessmentEntryStateAsync(rejected));
        Assert.Equal(ApplicationState.Advanced, await core.AssessmentEntryStateAsync(waitlisted));
    }

    [Fact]
    public async Task An_empty_selection_is_refused_with_a_reason()
    {
        var outcome = await DecideAsync(Decision.Advance);

        Assert.Equal(0, outcome.Decided);
        Assert.Contains("Select at least one", outcome.Refusal, StringComparison.Ordinal);
    }
}

public sealed class DecideApplicationsOnSqlite(SqliteCore core) : DecideApplicationsTests(core), IClassFixture<SqliteCore>;

public sealed class DecideApplicationsOnPostgres(PostgresCore core) : DecideApplicationsTests(core), IClassFixture<PostgresCore>;
