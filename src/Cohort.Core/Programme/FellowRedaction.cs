using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.Review;

namespace Cohort.Core.Programme;

/// <summary>
/// Free text about a fellow (a mentor's sign-off comment, a submission's link or file name) as a reader outside the
/// admin's view gets it: through the fellow's <see cref="BlindRedaction"/> under their season's blind settings, the
/// rule the review exports apply to reviewers' comments. Built once for a page of rows: one settings read a season and
/// one name lookup for all the fellows.
/// </summary>
public sealed class FellowRedaction
{
    private readonly IReadOnlyDictionary<int, BlindSettings> settings;
    private readonly IReadOnlyDictionary<string, (string Name, string Email)> names;
    private readonly Dictionary<(int, string), BlindRedaction> redactions = [];

    private FellowRedaction(IReadOnlyDictionary<int, BlindSettings> settings, IReadOnlyDictionary<string, (string Name, string Email)> names) =>
        (this.settings, this.names) = (settings, names);

    /// <param name="fellows">The season and account of every fellow whose text will be read.</param>
    public static async Task<FellowRedaction> ForAsync(CohortDbContext db, IReadOnlyCollection<(int SeasonId, string ApplicantId)> fellows, CancellationToken cancellation)
    {
        var settings = new Dictionary<int, BlindSettings>();
        foreach (var season in fellows.Select(f => f.SeasonId).Distinct())
        {
            settings[season] = await BlindApplication.SettingsAsync(db, season, cancellation);
        }

        return new(settings, await ApplicantReferences.IdentitiesAsync(db, fellows.Select(f => f.ApplicantId).Distinct().ToList(), cancellation));
    }

    /// <summary><paramref name="text"/> with the fellow's identity taken out; null stays null.</summary>
    public string? Apply(int seasonId, string applicantId, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (!redactions.TryGetValue((seasonId, applicantId), out var redaction))
        {
            redaction = new BlindRedaction(settings[seasonId], names.TryGetValue(applicantId, out var who) ? who.Name : "");
            redactions[(seasonId, applicantId)] = redaction;
        }

        return redaction.Apply(text);
    }
}
