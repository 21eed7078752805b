using Cohort.Core.Audit;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>The outcome of an import: either every problem found, or a summary of what changed.</summary>
public sealed record ImportOutcome(IReadOnlyList<ImportProblem> Problems, string Summary)
{
    public bool Succeeded => Problems.Count == 0;
    public static ImportOutcome Failed(IReadOnlyList<ImportProblem> problems) => new(problems, "");
}

/// <summary>
/// Imports a catalogue file. Everything is checked before anything is written, and the writes go in one
/// SaveChanges, so an import with any error changes nothing. Records are matched by slug and updated in place;
/// records the file does not mention are kept, because applications will point at them. Stages, key dates and
/// FAQ entries have no identity of their own and are replaced by the file's.
/// </summary>
public sealed class ImportCatalogue(CohortDbContext db, AuditLog audit)
{
    public async Task<ImportOutcome> FromJsonAsync(string text, Actor actor, CancellationToken cancellation = default)
    {
        var (document, problems) = CatalogueJson.Read(text);
        if (document is null || problems.Count > 0)
        {
            return ImportOutcome.Failed(problems);
        }

        var season = await LoadOrCreateSeasonAsync(document.Season!, cancellation);
        var tracks = ApplyTracks(season, document.Tracks);
        var mentors = ApplyMentors(season, document.Mentors);
        var streams = await LoadStreamsAsync(season, cancellation);
        foreach (var stream in document.Streams)
        {
            ApplyStream(streams, tracks, mentors, stream);
        }

        season.KeyDates.Clear();
        season.KeyDates.AddRange(document.KeyDates.Select(d => new KeyDate { Title = d.Title!, At = d.At.ToUniversalTime(), Description = d.Description }));
        season.Faq.Clear();
        season.Faq.AddRange(document.Faq.Select((f, i) => new FaqEntry { Position = i, Question = f.Question!, AnswerMarkdown = f.Answer }));

        var summary = $"season '{season.Slug}': {document.Tracks.Count} track(s), {document.Mentors.Count} mentor(s), " +
            $"{document.Streams.Count} stream(s), {document.KeyDates.Count} key date(s), {document.Faq.Count} FAQ entries";
        audit.Record(actor, "catalogue.imported", $"season:{season.Slug}", summary);
        await db.SaveChangesAsync(cancellation);
        return new ImportOutcome([], summary);
    }

    public async Task<ImportOutcome> FromCsvAsync(string text, Actor actor, CancellationToken cancellation = default)
    {
        var (rows, problems) = CatalogueCsv.ReadStreams(text);
        if (rows is null)
        {
            return ImportOutcome.Failed(problems);
        }

        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is null)
        {
            return ImportOutcome.Failed([new ImportProblem("CSV", "there is no season yet; import a JSON catalogue first.")]);
        }

        var tracks = await db.Tracks.Where(t => t.SeasonId == season.Id).ToDictionaryAsync(t => t.Slug, cancellation);
        var mentors = await db.Mentors.Where(m => m.SeasonId == season.Id).ToDictionaryAsync(m => m.Slug, cancellation);
        var validator = new CatalogueValidator();
        validator.CheckStreams(rows.Streams, tracks.Keys.ToHashSet(), mentors.Keys.ToHashSet(),
            (i, field) => $"line {rows.Lines[i]}, column {field}");
        var all = problems.Concat(validator.Problems).ToList();
        if (all.Count > 0)
        {
            return ImportOutcome.Failed(all);
        }

        var streams = await LoadStreamsAsync(season, cancellation);
        foreach (var stream in rows.Streams)
        {
            ApplyStream(streams, tracks, mentors, stream);
        }

        var summary = $"season '{season.Slug}': {rows.Streams.Count} stream(s) from CSV";
        audit.Record(actor, "catalogue.imported", $"season:{season.Slug}", summary);
        await db.SaveChangesAsync(cancellation);
        return new ImportOutcome([], summary);
    }

    /// <summary>
    /// Creates or updates the tracks, mentors and streams <paramref name="upsert"/> names in an existing season, checked
    /// as an import checks them (streams against the season's tracks and mentors and the ones sent with them), with
    /// every problem at its JSON path and nothing written unless there is none.
    /// </summary>
    public async Task<ImportOutcome> UpsertAsync(CatalogueUpsert upsert, Actor actor, CancellationToken cancellation = default)
    {
        var seasons = SeasonsWithCatalogue();
        var season = upsert.Season is { } slug
            ? await seasons.SingleOrDefaultAsync(s => s.Slug == slug, cancellation)
            : await seasons.SingleOrDefaultAsync(s => s.IsCurrent, cancellation);
        if (season is null)
        {
            return ImportOutcome.Failed([new ImportProblem("$.season", upsert.Season is null ? "there is no current season." : $"there is no season '{upsert.Season}'.")]);
        }

        var (tracks, mentors, streams) = (upsert.Tracks ?? [], upsert.Mentors ?? [], upsert.Streams ?? []);
        var validator = new CatalogueValidator();
        validator.CheckTracks(tracks);
        validator.CheckMentors(mentors);
        validator.CheckStreamsStages(tracks, streams);
        validator.CheckStreams(streams,
            season.Tracks.Select(t => t.Slug).Concat(tracks.Select(t => t.Slug ?? "")).ToHashSet(StringComparer.Ordinal),
            season.Mentors.Select(m => m.Slug).Concat(mentors.Select(m => m.Slug ?? "")).ToHashSet(StringComparer.Ordinal),
            (i, field) => $"$.streams[{i}].{field}");
        if (validator.Problems.Count > 0)
        {
            return ImportOutcome.Failed(validator.Problems);
        }

        var trackBySlug = ApplyTracks(season, tracks);
        var mentorBySlug = ApplyMentors(season, mentors);
        var stored = await LoadStreamsAsync(season, cancellation);
        foreach (var stream in streams)
        {
            ApplyStream(stored, trackBySlug, mentorBySlug, stream);
        }

        var summary = $"season '{season.Slug}': {tracks.Count} track(s), {mentors.Count} mentor(s), {streams.Count} stream(s) upserted";
        audit.Record(actor, "catalogue.upserted", $"season:{season.Slug}", summary);
        await db.SaveChangesAsync(cancellation);
        return new ImportOutcome([], summary);
    }

    private IQueryable<Season> SeasonsWithCatalogue() => db.Seasons
        .Include(s => s.Tracks).ThenInclude(t => t.Stages)
        .Include(s => s.Mentors)
        .Include(s => s.KeyDates)
        .Include(s => s.Faq);

    private async Task<Season> LoadOrCreateSeasonAsync(SeasonDocument source, CancellationToken cancellation)
    {
        var season = await SeasonsWithCatalogue().SingleOrDefaultAsync(s => s.Slug == source.Slug, cancellation);
        if (season is null)
        {
            season = new Season { Slug = source.Slug!, Name = source.Name! };
            season.IsCurrent = !await db.Seasons.AnyAsync(s => s.IsCurrent, cancellation);
            db.Seasons.Add(season);
        }

        season.Name = source.Name!;
        season.Tagline = source.Tagline;
        season.SummaryMarkdown = source.Summary;
        season.ProgrammeStart = source.ProgrammeStart;
        season.ProgrammeEnd = source.ProgrammeEnd;
        season.MinimumAge = source.MinimumAge;
        season.EligibilityMarkdown = source.Eligibility;
        return season;
    }

    private static Dictionary<string, Track> ApplyTracks(Season season, IEnumerable<TrackDocument> sources)
    {
        foreach (var source in sources)
        {
            var track = FindOrAdd(season.Tracks, t => t.Slug == source.Slug, () => new Track { Slug = source.Slug!, Name = source.Name! });
            track.Name = source.Name!;
            track.SummaryMarkdown = source.Summary;
            track.MethodsMarkdown = source.Methods;
            track.AudienceMarkdown = source.Audience;
            track.Stages.Clear();
            track.Stages.AddRange(source.Stages.Select((s, i) => new Stage
            {
                Kind = StageKinds.Named(s.Kind)!.Value,
                Position = i,
                Name = s.Name!,
                DescriptionMarkdown = s.Description,
                OpensAt = s.OpensAt.ToUniversalTime(),
                ClosesAt = s.ClosesAt.ToUniversalTime(),
            }));
        }

        return season.Tracks.ToDictionary(t => t.Slug);
    }

    private static Dictionary<string, Mentor> ApplyMentors(Season season, IEnumerable<MentorDocument> sources)
    {
        foreach (var source in sources)
        {
            var mentor = FindOrAdd(season.Mentors, m => m.Slug == source.Slug, () => new Mentor { Slug = source.Slug!, Name = source.Name! });
            mentor.Name = source.Name!;
            mentor.Affiliation = source.Affiliation;
            mentor.BioMarkdown = source.Bio;
            mentor.Email = source.Email;
        }

        return season.Mentors.ToDictionary(m => m.Slug);
    }

    private static T FindOrAdd<T>(List<T> items, Func<T, bool> matches, Func<T> create)
    {
        var item = items.SingleOrDefault(matches);
        if (item is null)
        {
            item = create();
            items.Add(item);
        }

        return item;
    }

    private async Task<Dictionary<string, ResearchStream>> LoadStreamsAsync(Season season, CancellationToken cancellation) =>
        season.Id == 0
            ? []
            : await db.Streams.Include(s => s.Mentors)
                .Where(s => s.Track!.SeasonId == season.Id)
                .ToDictionaryAsync(s => s.Slug, cancellation);

    private static void ApplyStream(
        Dictionary<string, ResearchStream> streams, IReadOnlyDictionary<string, Track> tracks,
        IReadOnlyDictionary<string, Mentor> mentors, StreamDocument source)
    {
        var track = tracks[source.Track!];
        if (!streams.TryGetValue(source.Slug!, out var stream))
        {
            stream = new ResearchStream { Slug = source.Slug!, Name = source.Name! };
            streams[stream.Slug] = stream;
            track.Streams.Add(stream);
        }

        stream.Track = track;
        stream.Name = source.Name!;
        stream.Tagline = source.Tagline;
        stream.Topic = source.Topic;
        stream.Location = StreamLocations.Parse(source.Location)!.Value;
        stream.City = stream.Location == StreamLocation.Remote ? null : source.City;
        stream.Capacity = source.Capacity;
        stream.DescriptionMarkdown = source.Description;
        stream.MentorshipStructureMarkdown = source.MentorshipStructure;
        stream.DesiredCharacteristicsMarkdown = source.DesiredCharacteristics;
        stream.ProjectSelectionMarkdown = source.ProjectSelection;
        stream.FollowUps = source.FollowUps;
        StreamMentors.Assign(stream, source.Mentors.Select(slug => mentors[slug]).ToList());
    }
}
