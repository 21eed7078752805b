using Cohort.Core.Audit;
using Cohort.Core.Data;
using Cohort.Core.Programme;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Extensions;

/// <param name="NotFound">The application is not one of the mentor's fellows' (or does not exist): the page answers 404.</param>
public sealed record EndorsementOutcome(bool NotFound, string? Refusal);

/// <summary>
/// A mentor's endorsement of their fellow's extension application: a rating from 1 (not endorsed) to 5 and a comment,
/// one a mentor profile and application, changed by endorsing again until the application is decided. Only a mentor
/// of the fellowship's stream in its season may endorse (<see cref="FellowshipScope"/>).
/// </summary>
public sealed class EndorseExtension(CohortDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<EndorsementOutcome> RunAsync(Actor mentor, int applicationId, int rating, string? comment, CancellationToken cancellation = default)
    {
        var application = await ExtensionScope.OfMentor(db, mentor.UserId!).SingleOrDefaultAsync(a => a.Id == applicationId, cancellation);
        if (application is null || await FellowshipScope.MentorProfileIdAsync(db, mentor.UserId!, application.FellowshipId, cancellation) is not { } mentorId)
        {
            return new(true, null);
        }

        var text = comment?.Trim() ?? "";
        var refusal = !ExtensionScope.AwaitsDecision(application.State) ? $"This application is {application.State.ToString().ToLowerInvariant()}, so endorsements are closed."
            : rating is < ExtensionEndorsement.MinRating or > ExtensionEndorsement.MaxRating ? $"Rate from {ExtensionEndorsement.MinRating} to {ExtensionEndorsement.MaxRating}."
            : text.Length == 0 ? "Write a comment: the admin reads it beside the rating."
            : text.Length > ExtensionEndorsement.MaxCommentLength ? $"Keep the comment under {ExtensionEndorsement.MaxCommentLength} characters."
            : null;
        if (refusal is not null)
        {
            return new(false, refusal);
        }

        var endorsement = await db.ExtensionEndorsements.SingleOrDefaultAsync(e => e.ApplicationId == applicationId && e.MentorId == mentorId, cancellation);
        if (endorsement is null)
        {
            endorsement = new ExtensionEndorsement { ApplicationId = applicationId, MentorId = mentorId };
            db.ExtensionEndorsements.Add(endorsement);
        }

        (endorsement.Rating, endorsement.Comment, endorsement.At) = (rating, text, clock.GetUtcNow().UtcDateTime);
        audit.Record(mentor, "extension-application.endorsed", $"extension-application:{applicationId}", $"rating {rating}");
        return new(false, await db.SaveOrRefuseAsync("Another endorsement of this application was saved at the same moment, so yours was not. Reload the page and try again.", cancellation));
    }
}
