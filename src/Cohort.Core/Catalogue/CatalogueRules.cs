using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Catalogue;

/// <summary>
/// What a form that creates or edits a catalogue record checks against its season, with the words it says: a slug
/// is the record's public address, so it is unique among the season's records of its kind, and a track named by
/// its slug must be one of the season's. The admin's stream, mentor and assessment forms all check them here.
/// </summary>
public static class CatalogueRules
{
    public const string UnknownTrack = "Choose one of this season's tracks.";

    /// <summary>The problem with a slug another record of the season already uses, or null when it is free.</summary>
    public static string? SlugProblem(string kind, string slug, bool inUse) =>
        inUse ? $"Another {kind} of this season already uses the slug '{slug}'." : null;

    public static async Task<string?> TrackProblemAsync(CohortDbContext db, int seasonId, string track, CancellationToken cancellation) =>
        await db.Tracks.AnyAsync(t => t.SeasonId == seasonId && t.Slug == track, cancellation) ? null : UnknownTrack;

    /// <param name="mentorId">The mentor being edited, which may keep its own slug; null for a new one.</param>
    public static async Task<string?> MentorSlugProblemAsync(CohortDbContext db, int seasonId, string slug, int? mentorId, CancellationToken cancellation) =>
        SlugProblem("mentor", slug, await db.Mentors.AnyAsync(m => m.SeasonId == seasonId && m.Slug == slug && m.Id != mentorId, cancellation));

    /// <param name="streamId">The stream being edited, which may keep its own slug; null for a new one.</param>
    public static async Task<string?> StreamSlugProblemAsync(CohortDbContext db, int seasonId, string slug, int? streamId, CancellationToken cancellation) =>
        SlugProblem("stream", slug, await db.Streams.AnyAsync(s => s.Track!.SeasonId == seasonId && s.Slug == slug && s.Id != streamId, cancellation));
}
