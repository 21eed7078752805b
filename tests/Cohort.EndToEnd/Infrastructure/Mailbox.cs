using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Cohort.EndToEnd.Infrastructure;

/// <summary>
/// The mail the app sent, read from its outbox as the demo keeps it (the demo has no mail server; a newcomer reads
/// the same messages on the admin's "Mail outbox" page). Journeys only read it, to follow the links people are sent.
/// </summary>
public static class Mailbox
{
    /// <summary>The path and query of the first link to <paramref name="path"/> in the latest mail to <paramref name="email"/> that has one.</summary>
    public static async Task<string> LatestLinkAsync(LiveCohortApp app, string email, string path)
    {
        var bodies = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.Body).ToListAsync());
        var link = new Regex($@"https?://\S+{Regex.Escape(path)}\S*");
        var found = bodies.Select(b => link.Match(b)).FirstOrDefault(m => m.Success)
            ?? throw new Xunit.Sdk.XunitException($"No mail to {email} links to {path}; it was sent {bodies.Count} message(s).");
        return new Uri(found.Value).PathAndQuery;
    }
}
