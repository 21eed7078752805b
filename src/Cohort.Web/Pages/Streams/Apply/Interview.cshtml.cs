using System.Text;
using Cohort.Core.Accounts;
using Cohort.Core.FollowUps;

namespace Cohort.Web.Pages.Streams.Apply;

/// <summary>The calendar invite for the signed-in applicant's own interview with a stream; 404 for anyone without one.</summary>
[Authorize(Roles = Roles.Applicant)]
public class InterviewModel(CohortDbContext db, PublicOrigin origin) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellation)
    {
        var applicant = User.Id();
        var booking = await db.InterviewSlots.AsNoTracking()
            .Where(s => s.BookedById == applicant && db.Streams.Any(t => t.Id == s.StreamId && t.Slug == slug && t.Track!.Season!.IsCurrent))
            .Select(s => new { Slot = s, Stream = db.Streams.Where(t => t.Id == s.StreamId).Select(t => t.Name).Single() })
            .SingleOrDefaultAsync(cancellation);
        if (booking is null)
        {
            return NotFound();
        }

        var ics = InterviewInvite.Write(booking.Slot, booking.Stream, origin.Host);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"interview-{slug}.ics");
    }
}
