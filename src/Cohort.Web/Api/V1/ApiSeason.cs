using Cohort.Core.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Api.V1;

/// <summary>The <c>season</c> and enum filters the season's lists share, each refused under its parameter's name.</summary>
public static class ApiSeason
{
    /// <summary>The id of the season named by <paramref name="slug"/> (the current one when absent), or the 400 naming <c>season</c>.</summary>
    public static async Task<(int SeasonId, ValidationProblem? Problem)> ResolveAsync(CohortDbContext db, string? slug, CancellationToken cancellation) =>
        await db.Seasons.AsNoTracking().NamedOrCurrentAsync(slug, cancellation) is { } season
            ? (season.Id, null)
            : (0, Refuse("season", string.IsNullOrWhiteSpace(slug) ? "There is no season yet." : $"There is no season \"{slug}\"."));

    /// <summary>
    /// The id of the season named by <paramref name="slug"/>, or null (every season) when absent: for the programme's
    /// reads, whose cohort is usually a past season's while the current one is in selection.
    /// </summary>
    public static async Task<(int? SeasonId, ValidationProblem? Problem)> OptionalAsync(CohortDbContext db, string? slug, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return (null, null);
        }

        var id = await db.Seasons.AsNoTracking().Where(s => s.Slug == slug.Trim()).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellation);
        return id is null ? (null, Refuse("season", $"There is no season \"{slug}\".")) : (id, null);
    }

    /// <summary>The enum value named <paramref name="text"/> (any case), null when absent, or the 400 naming <paramref name="parameter"/>.</summary>
    public static (TEnum? Value, ValidationProblem? Problem) Parse<TEnum>(string parameter, string? text)
        where TEnum : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) ? (value, null)
        : (null, Refuse(parameter, $"\"{text}\" is not one of {string.Join(", ", Enum.GetNames<TEnum>())}."));

    public static ValidationProblem Refuse(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, title: "The request's parameters are not valid.");
}
