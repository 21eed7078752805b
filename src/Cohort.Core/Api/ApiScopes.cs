namespace Cohort.Core.Api;

/// <summary>
/// What an API token may do. Each scope is one authorization policy on the <c>/api/v1</c> routes; a token holds a set
/// of them and nothing else, whatever account created it.
/// </summary>
public static class ApiScopes
{
    public const string CatalogueRead = "catalogue:read";
    public const string CatalogueWrite = "catalogue:write";
    public const string ApplicationsRead = "applications:read";
    public const string ReviewsRead = "reviews:read";
    public const string DecisionsWrite = "decisions:write";
    public const string MatchRead = "match:read";
    public const string PeopleWrite = "people:write";

    /// <summary>The programme after the match (issue 17): the cohort, milestones and progress, extension rounds and applications; fellows by id only.</summary>
    public const string ProgrammeRead = "programme:read";

    public static IReadOnlyList<string> All { get; } =
        [CatalogueRead, CatalogueWrite, ApplicationsRead, ReviewsRead, DecisionsWrite, MatchRead, PeopleWrite, ProgrammeRead];

    /// <summary>What a scope lets a token do, in a line, for the page that creates tokens.</summary>
    public static string Describe(string scope) => scope switch
    {
        CatalogueRead => "read seasons, tracks, streams, mentors and the artifacts on the public showcase",
        CatalogueWrite => "create and change tracks, streams and mentors",
        ApplicationsRead => "read applications with applicants' names, emails and answers, attempts and decisions",
        ReviewsRead => "read reviews and calibrated scores, applicants by id only, answers as blind reviewers see them",
        DecisionsWrite => "decide applications in bulk, as the pipeline does",
        MatchRead => "read match runs, offers and projects, applicants by id only",
        PeopleWrite => "import applicants, and change the reviewer pool and its conflicts",
        ProgrammeRead => "read the cohort, milestones with each fellow's progress, and extension rounds and applications, fellows by id only",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a scope."),
    };

    /// <summary>
    /// The scopes named in <paramref name="given"/> (each entry may itself be a comma list), in the canonical order and
    /// without repeats, or a one-line problem naming the first unknown scope.
    /// </summary>
    public static (IReadOnlyList<string> Scopes, string? Problem) Parse(IEnumerable<string> given)
    {
        var named = given.SelectMany(g => g.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (named.FirstOrDefault(s => !All.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            return ([], $"Unknown scope \"{unknown}\": the scopes are {string.Join(", ", All)}.");
        }

        return named.Count == 0
            ? ([], $"Give at least one scope: {string.Join(", ", All)}.")
            : (All.Where(named.Contains).ToList(), null);
    }
}
