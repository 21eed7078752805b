using Cohort.Core.Accounts;
using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Programme;

/// <summary>
/// A milestone as the admin writes it: the due date and time on the clocks of <see cref="TimeZoneId"/> (the admin's
/// own zone; UTC when they have none), turned into UTC here so every reader sees the same moment in their own zone.
/// </summary>
public sealed record MilestoneDetails(string Title, string? Description, DateTime DueLocal, string? TimeZoneId, SubmissionKind Submission,
    bool RequiresSignOff, int RemindDaysBefore, int? ExtensionRoundId);

/// <summary>The milestone saved, or why not (nothing was written then).</summary>
public sealed record MilestoneOutcome(int? Id, string? Refusal);

/// <summary>
/// The admin adds a milestone to a season's programme or edits one. Once a fellow has handed something in, what the
/// milestone asks for can no longer change (their submission would no longer fit it); its date and words still can.
/// </summary>
public sealed class SaveMilestone(CohortDbContext db, AuditLog audit)
{
    public const int MaxRemindDaysBefore = 60;

    public async Task<MilestoneOutcome> AddAsync(Actor admin, int seasonId, MilestoneDetails details, CancellationToken cancellation = default)
    {
        if (await ProblemAsync(seasonId, details, cancellation) is { } problem)
        {
            return new(null, problem);
        }

        var milestone = new Milestone { SeasonId = seasonId, Title = "" };
        Apply(milestone, details);
        db.Milestones.Add(milestone);
        audit.Record(admin, "milestone.added", $"season:{seasonId}", Summary(milestone));
        await db.SaveChangesAsync(cancellation);
        return new(milestone.Id, null);
    }

    public async Task<MilestoneOutcome> EditAsync(Actor admin, int milestoneId, int versionSeen, MilestoneDetails details, CancellationToken cancellation = default)
    {
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId, cancellation);
        if (milestone is null)
        {
            return new(null, "There is no such milestone; it may have been deleted.");
        }

        if (await ProblemAsync(milestone.SeasonId, details, cancellation) is { } problem)
        {
            return new(null, problem);
        }

        if (details.Submission != milestone.Submission && await db.MilestoneSubmissions.AnyAsync(s => s.MilestoneId == milestoneId, cancellation))
        {
            return new(null, $"Fellows have handed in for this milestone already, so what it asks for stays \"{Say(milestone.Submission)}\". Nothing was saved.");
        }

        var before = Summary(milestone);
        Apply(milestone, details);
        var version = db.Entry(milestone).Property(m => m.Version);
        version.OriginalValue = versionSeen;
        version.IsModified = true;
        audit.Record(admin, "milestone.edited", $"milestone:{milestone.Id}", $"before: {before}; after: {Summary(milestone)}");
        var refusal = await db.SaveOrRefuseAsync("Someone else changed this milestone while you were editing it, so your change was not saved. Reload the page to see theirs.", cancellation);
        return new(refusal is null ? milestone.Id : null, refusal);
    }

    /// <summary>Deletes a milestone nobody has handed in or been signed off on; once either exists it is part of a fellow's record.</summary>
    public async Task<string?> DeleteAsync(Actor admin, int milestoneId, CancellationToken cancellation = default)
    {
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId, cancellation);
        if (milestone is null)
        {
            return "There is no such milestone; it may have been deleted already.";
        }

        if (await db.MilestoneSubmissions.AnyAsync(s => s.MilestoneId == milestoneId, cancellation) || await db.CheckIns.AnyAsync(c => c.MilestoneId == milestoneId, cancellation))
        {
            return $"\"{milestone.Title}\" has submissions or sign-offs, which are part of the fellows' records, so it cannot be deleted. Edit it instead.";
        }

        db.Milestones.Remove(milestone);
        audit.Record(admin, "milestone.deleted", $"milestone:{milestone.Id}", Summary(milestone));
        return await db.SaveOrRefuseAsync("This milestone changed while you were deleting it; reload the page and try again.", cancellation);
    }

    public static string Say(SubmissionKind kind) => kind switch
    {
        SubmissionKind.None => "nothing to hand in",
        SubmissionKind.Text => "a text",
        SubmissionKind.Link => "a link",
        _ => "a PDF",
    };

    private async Task<string?> ProblemAsync(int seasonId, MilestoneDetails details, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(details.Title) || details.Title.Trim().Length > Milestone.MaxTitleLength)
        {
            return $"Give the milestone a title of at most {Milestone.MaxTitleLength} characters.";
        }

        if ((details.Description?.Trim().Length ?? 0) > Milestone.MaxDescriptionLength)
        {
            return $"A description is at most {Milestone.MaxDescriptionLength:N0} characters.";
        }

        if (details.RemindDaysBefore is < 0 or > MaxRemindDaysBefore)
        {
            return $"Remind fellows between 0 and {MaxRemindDaysBefore} days before the due date (0: only when it is overdue).";
        }

        if (!Enum.IsDefined(details.Submission))
        {
            return "Choose what the fellow hands in: nothing, a text, a link or a PDF.";
        }

        if (ZoneOf(details.TimeZoneId).IsInvalidTime(details.DueLocal))
        {
            return $"{details.DueLocal:d MMMM yyyy HH:mm} does not exist in {ZoneOf(details.TimeZoneId).Id}: the clocks skip it. Choose another time.";
        }

        if (details.ExtensionRoundId is { } round && !await db.ExtensionRounds.AnyAsync(r => r.Id == round && r.SeasonId == seasonId, cancellation))
        {
            return "That extension round is not one of this season's.";
        }

        return null;
    }

    private static TimeZoneInfo ZoneOf(string? id) => TimeZones.Find(id) ?? TimeZoneInfo.Utc;

    private static void Apply(Milestone milestone, MilestoneDetails details)
    {
        milestone.Title = details.Title.Trim();
        milestone.Description = details.Description?.Trim() ?? "";
        milestone.DueAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(details.DueLocal, DateTimeKind.Unspecified), ZoneOf(details.TimeZoneId));
        milestone.Submission = details.Submission;
        milestone.RequiresSignOff = details.RequiresSignOff;
        milestone.RemindDaysBefore = details.RemindDaysBefore;
        milestone.ExtensionRoundId = details.ExtensionRoundId;
    }

    private static string Summary(Milestone m) =>
        $"\"{m.Title}\" due {m.DueAt:yyyy-MM-dd HH:mm} UTC, {Say(m.Submission)}{(m.RequiresSignOff ? ", sign-off" : "")}, remind {m.RemindDaysBefore} d before"
        + (m.ExtensionRoundId is { } r ? $", extension round {r}" : "");
}
