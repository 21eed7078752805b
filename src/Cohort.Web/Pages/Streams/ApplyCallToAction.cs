using System.Security.Claims;
using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Portal;
using Cohort.Core.StreamApplications;

namespace Cohort.Web.Pages.Streams;

/// <summary>
/// What a public stream page (or the stream list) asks its reader to do next, with the date of the stage window that
/// applies: a visitor creates an account before stage 1 closes; a signed-in applicant gets their own next step, taken
/// from their <see cref="ApplicantStanding"/>. Staff and a season without a general application get none.
/// </summary>
/// <param name="Id">What the call is, for tests and styles: sign-up, general, stream, applied, portal or closed.</param>
public sealed record ApplyCallToAction(string Id, string Text, string? Href, string? Label, DateTime? Date, string DateLabel = "Deadline")
{
    /// <summary>For a visitor's call: when it turns into another (the window opens or closes), so a cached page is dropped then.</summary>
    public DateTime? ChangesAt { get; init; }

    /// <param name="stream">The stream the page is about, or null on the stream list.</param>
    public static async Task<ApplyCallToAction?> ForAsync(CohortDbContext db, ClaimsPrincipal user, ResearchStream? stream, DateTime now, CancellationToken cancellation)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            return user.IsInRole(Roles.Applicant) ? await ForApplicantAsync(db, user.Id(), stream, now, cancellation) : null;
        }

        var form = await db.ApplicationForms.AsNoTracking()
            .Where(f => f.Kind == FormKind.General && db.Seasons.Any(s => s.Id == f.SeasonId && s.IsCurrent)).FirstOrDefaultAsync(cancellation);
        var apply = stream is null ? "To apply" : $"To apply to {stream.Name}";
        return form switch
        {
            null => null,
            _ when now > form.AcceptsUntil => new("closed", "Applications for this season have closed; the key dates say when the next one opens.", "/dates", "Key dates", form.ClosesAt, "Closed"),
            _ when now < form.OpensAt => new("sign-up", $"{apply}, create an account: the general application (stage 1) opens on the date below.", "/account/sign-up", "Create an account", form.OpensAt, "Opens")
                { ChangesAt = form.OpensAt },
            _ => new("sign-up", $"{apply}, create an account and fill in the general application (stage 1) before it closes.", "/account/sign-up", "Create an account", form.ClosesAt)
                { ChangesAt = form.AcceptsUntil },
        };
    }

    private static async Task<ApplyCallToAction?> ForApplicantAsync(CohortDbContext db, string applicantId, ResearchStream? stream, DateTime now, CancellationToken cancellation)
    {
        var standing = await ApplicantStandings.LoadAsync(db, applicantId, now, cancellation);
        if (standing.General is not { } general)
        {
            return null;
        }

        var mine = stream is null ? null : standing.Streams.FirstOrDefault(s => s.Stream.StreamId == stream.Id);
        var window = stream is null ? null : await StreamsStage.WindowAsync(db, stream.TrackId, cancellation);
        return standing switch
        {
            { Closure: { } closure } => new("portal", closure, "/portal", "Your applications", null),
            _ when mine is not null => new("applied", $"You applied to {stream!.Name}: {mine.Standing.State.ToLowerInvariant()}. {mine.Standing.NextStep}", "/portal", "Your applications", mine.Standing.Deadline, mine.Standing.DateLabel),
            _ when standing.May(ApplicantAction.EditGeneral) => new("general", "Your next step is the general application (stage 1): finish and submit it before it closes.", "/apply/general", "Go to your general application", general.Deadline),
            _ when standing.May(ApplicantAction.ApplyToStreams) && (window is null || StreamsStage.Closed(window, now) is null) =>
                new("stream", stream is null ? "You are invited to apply to streams (stage 3)." : $"You are invited to apply to {stream.Name} (stage 3).",
                    "/streams/apply", stream is null ? "Apply to streams" : $"Apply to {stream.Name}", window?.ClosesAt ?? general.Deadline),
            _ => new("portal", general.NextStep, "/portal", "Your applications", general.Deadline, general.DateLabel),
        };
    }
}
