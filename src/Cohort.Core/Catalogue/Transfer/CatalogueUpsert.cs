namespace Cohort.Core.Catalogue.Transfer;

/// <summary>
/// Tracks, mentors and streams to create or update in one season, matched by slug, as the catalogue file's sections
/// write them: what the API's catalogue upsert sends. Records it does not name are left as they are; a named track's
/// stages are replaced by the ones given, as in a catalogue import.
/// </summary>
/// <param name="Season">The season's slug; the current season when null.</param>
public sealed record CatalogueUpsert(
    string? Season = null,
    IReadOnlyList<TrackDocument>? Tracks = null,
    IReadOnlyList<MentorDocument>? Mentors = null,
    IReadOnlyList<StreamDocument>? Streams = null);
