using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Cohort.Core.Catalogue.Transfer;

/// <summary>
/// Checks a catalogue file against itself and against the mentors already stored, and reports every problem
/// at once: an author fixing a spreadsheet wants the whole list, not one error per attempt.
/// </summary>
public sealed partial class CatalogueValidator
{
    private readonly List<ImportProblem> problems = [];

    public IReadOnlyList<ImportProblem> Problems => problems;

    public static IReadOnlyList<ImportProblem> ValidateDocument(CatalogueDocument document)
    {
        var validator = new CatalogueValidator();
        validator.CheckSeason(document.Season);
        validator.CheckTracks(document.Tracks);
        validator.CheckStreamsStages(document.Tracks, document.Streams);
        validator.CheckMentors(document.Mentors);
        var trackSlugs = document.Tracks.Select(t => t.Slug ?? "").ToHashSet(StringComparer.Ordinal);
        var mentorSlugs = document.Mentors.Select(m => m.Slug ?? "").ToHashSet(StringComparer.Ordinal);
        validator.CheckStreams(document.Streams, trackSlugs, mentorSlugs, (i, f) => $"$.streams[{i}].{f}");
        validator.CheckKeyDates(document.KeyDates);
        validator.CheckFaq(document.Faq);
        return validator.Problems;
    }

    public void CheckSeason(SeasonDocument? season)
    {
        if (season is null)
        {
            Add("$.season", "is missing; a catalogue file describes one season.");
            return;
        }

        CheckSlug(season.Slug, "$.season.slug");
        Require(season.Name, "$.season.name");
        if (season.ProgrammeEnd < season.ProgrammeStart)
        {
            Add("$.season.programmeEnd", $"{season.ProgrammeEnd:yyyy-MM-dd} is before programmeStart {season.ProgrammeStart:yyyy-MM-dd}.");
        }

        if (season.MinimumAge is < 0 or > 120)
        {
            Add("$.season.minimumAge", $"{season.MinimumAge} is not an age.");
        }
    }

    public void CheckTracks(IReadOnlyList<TrackDocument> tracks)
    {
        CheckUniqueSlugs(tracks.Select(t => t.Slug).ToList(), (i, f) => $"$.tracks[{i}].{f}");
        for (var i = 0; i < tracks.Count; i++)
        {
            Require(tracks[i].Name, $"$.tracks[{i}].name");
            var kinds = new Dictionary<StageKind, int>();
            for (var s = 0; s < tracks[i].Stages.Count; s++)
            {
                var stage = tracks[i].Stages[s];
                CheckStageKind(stage.Kind, kinds, s, $"$.tracks[{i}].stages");
                Require(stage.Name, $"$.tracks[{i}].stages[{s}].name");
                if (stage.ClosesAt <= stage.OpensAt)
                {
                    Add($"$.tracks[{i}].stages[{s}].closesAt", "must be after opensAt.");
                }
            }
        }
    }

    /// <summary>
    /// A stage names its kind, and a track has at most one stage of each kind but extension: code finds the general,
    /// assessment and streams stages by their kind, so a second one would be ambiguous.
    /// </summary>
    private void CheckStageKind(string? name, Dictionary<StageKind, int> seen, int index, string stages)
    {
        var where = $"{stages}[{index}].kind";
        var known = string.Join(", ", Enum.GetValues<StageKind>().Select(StageKinds.Name));
        if (string.IsNullOrWhiteSpace(name))
        {
            Add(where, $"is required: one of {known}.");
        }
        else if (StageKinds.Named(name) is not { } kind)
        {
            Add(where, $"'{name}' is not one of: {known}.");
        }
        else if (kind != StageKind.Extension && seen.TryGetValue(kind, out var first))
        {
            Add(where, $"a track has at most one {name} stage (the first is at {stages}[{first}]).");
        }
        else
        {
            seen.TryAdd(kind, index);
        }
    }

    /// <summary>A track with a published process and streams needs a streams stage: its window is when applicants apply to them.</summary>
    public void CheckStreamsStages(IReadOnlyList<TrackDocument> tracks, IReadOnlyList<StreamDocument> streams)
    {
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            if (track.Stages.Count > 0 && streams.Any(s => s.Track == track.Slug)
                && !track.Stages.Any(s => StageKinds.Named(s.Kind) == StageKind.Streams))
            {
                Add($"$.tracks[{i}].stages", $"track '{track.Slug}' has streams, so it needs a stage of kind streams.");
            }
        }
    }

    public void CheckMentors(IReadOnlyList<MentorDocument> mentors)
    {
        CheckUniqueSlugs(mentors.Select(m => m.Slug).ToList(), (i, f) => $"$.mentors[{i}].{f}");
        for (var i = 0; i < mentors.Count; i++)
        {
            Require(mentors[i].Name, $"$.mentors[{i}].name");
            if (mentors[i].Email is { Length: > 0 } email && !MailAddress.TryCreate(email, out _))
            {
                Add($"$.mentors[{i}].email", $"'{email}' is not an email address.");
            }
        }
    }

    public void CheckStreams(IReadOnlyList<StreamDocument> streams, IReadOnlySet<string> trackSlugs, IReadOnlySet<string> mentorSlugs, Locator where)
    {
        CheckUniqueSlugs(streams.Select(s => s.Slug).ToList(), where);
        for (var i = 0; i < streams.Count; i++)
        {
            var stream = streams[i];
            Require(stream.Name, where(i, "name"));
            if (!trackSlugs.Contains(stream.Track ?? ""))
            {
                Add(where(i, "track"), $"unknown track '{stream.Track}'.");
            }

            if (stream.Capacity is < 0 or > 1000)
            {
                Add(where(i, "capacity"), $"{stream.Capacity} is not a number of places (0 to 1000).");
            }

            if (StreamLocations.Parse(stream.Location) is not { } location)
            {
                Add(where(i, "location"), $"'{stream.Location}' is not one of: {string.Join(", ", StreamLocations.Names)}.");
            }
            else if (location != StreamLocation.Remote && string.IsNullOrWhiteSpace(stream.City))
            {
                Add(where(i, "city"), $"is required for a stream that is {stream.Location}.");
            }

            CheckStreamMentors(stream, mentorSlugs, field => where(i, field));
        }
    }

    private void CheckStreamMentors(StreamDocument stream, IReadOnlySet<string> mentorSlugs, Func<string, string> where)
    {
        if (stream.Mentors.Count == 0)
        {
            Add(where("mentors"), "a stream needs at least one mentor.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var m = 0; m < stream.Mentors.Count; m++)
        {
            var slug = stream.Mentors[m];
            if (!mentorSlugs.Contains(slug))
            {
                Add(where($"mentors[{m}]"), $"unknown mentor '{slug}'.");
            }
            else if (!seen.Add(slug))
            {
                Add(where($"mentors[{m}]"), $"mentor '{slug}' is listed twice.");
            }
        }
    }

    private void CheckKeyDates(IReadOnlyList<KeyDateDocument> dates)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            Require(dates[i].Title, $"$.keyDates[{i}].title");
        }
    }

    private void CheckFaq(IReadOnlyList<FaqDocument> faq)
    {
        for (var i = 0; i < faq.Count; i++)
        {
            Require(faq[i].Question, $"$.faq[{i}].question");
        }
    }

    private void CheckUniqueSlugs(IReadOnlyList<string?> slugs, Locator where)
    {
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < slugs.Count; i++)
        {
            var location = where(i, "slug");
            if (!CheckSlug(slugs[i], location))
            {
                continue;
            }

            if (firstIndex.TryGetValue(slugs[i]!, out var first))
            {
                Add(location, $"duplicate slug '{slugs[i]}' (first used at {where(first, "slug")}).");
            }
            else
            {
                firstIndex[slugs[i]!] = i;
            }
        }
    }

    private bool CheckSlug(string? slug, string where)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            Add(where, "is required.");
            return false;
        }

        if (!SlugPattern().IsMatch(slug))
        {
            Add(where, $"'{slug}' must be lower-case letters, digits and hyphens (it becomes part of a URL).");
            return false;
        }

        return true;
    }

    private void Require(string? value, string where)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(where, "is required.");
        }
    }

    private void Add(string where, string message) => problems.Add(new ImportProblem(where, message));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
