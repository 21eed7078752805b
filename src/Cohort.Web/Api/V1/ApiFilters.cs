using Cohort.Core.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>The filters several <c>/api/v1</c> reads share, read from their query parameter or refused at its name.</summary>
public static class ApiFilters
{
    /// <summary>The stage <paramref name="value"/> names ("general", "assessment", "streams"), or a 400 problem; null reads as any stage.</summary>
    public static ValidationProblem? Stage(string? value, out StageKind? stage)
    {
        stage = null;
        if (value is null)
        {
            return null;
        }

        if (StageKinds.Named(value.ToLowerInvariant()) is { } named && StageKinds.Selection.Contains(named))
        {
            stage = named;
            return null;
        }

        return Refuse("stage", "stage must be one of general, assessment, streams.");
    }

    /// <summary>The enum value <paramref name="value"/> names, in any case, or a 400 problem at <paramref name="parameter"/>; null reads as any.</summary>
    public static ValidationProblem? Named<T>(string parameter, string? value, out T? named) where T : struct, Enum
    {
        named = null;
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            named = parsed;
            return null;
        }

        return Refuse(parameter, $"{parameter} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
    }

    /// <summary>The id of season <paramref name="id"/>, or of the current season when it is null; null when there is no such season.</summary>
    public static async Task<int?> SeasonAsync(CohortDbContext db, int? id, CancellationToken cancellation) =>
        (await db.Seasons.AsNoTracking().CurrentOrAsync(id, cancellation))?.Id;

    public static ValidationProblem UnknownSeason() => Refuse("season", "season is not the id of a season.");

    private static ValidationProblem Refuse(string parameter, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, title: "The request's parameters are not valid.");
}
