using Cohort.Core.Api;
using Cohort.Core.Applications;
using Cohort.Core.Artifacts;
using Cohort.Core.Extensions;
using Cohort.Core.Programme;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cohort.Web.Api.V1;

/// <summary>
/// The programme after the match, each list paged by id over the Core query its export reads:
/// <c>GET /api/v1/fellows</c>, <c>/milestones</c> (each with every fellow's progress), <c>/extension-rounds</c> and
/// <c>/extension-applications</c> under <c>programme:read</c>, fellows known by their fellowship's id, with their name
/// and email only for a token that also holds <c>applications:read</c> (the blind rule), and free text about them
/// redacted otherwise; <c>GET /api/v1/artifacts</c> under <c>catalogue:read</c>: the public showcase and nothing else
/// (<see cref="Showcase.Public"/>), bylines as the showcase prints them. <c>season</c> is a slug; without it every season.
/// </summary>
public static class ProgrammeApi
{
    public sealed record FellowItem(
        int Id, int SeasonId, string Season, string Stream, string StreamName, int? ApplicationId, string? Name, string? Email, IReadOnlyList<string> Projects,
        DateTime StartedAt, DateOnly EndsOn, bool Extended, string? LatestAssessment, DateTime? LatestAssessmentAt);

    public sealed record ProgressItem(
        int FellowshipId, string Stream, DateTime? SubmittedAt, bool Late, string? Link, int? TextLength, string? FileName, string? SignOff, string? Comment,
        string? SignedOffBy, DateTime? SignedOffAt);

    public sealed record MilestoneItem(
        int Id, int SeasonId, string Season, string Title, string Description, DateTime DueAt, string Submission, bool RequiresSignOff, int RemindDaysBefore,
        int? ExtensionRoundId, IReadOnlyList<ProgressItem> Progress);

    /// <param name="Role">fellow, mentor or outside.</param>
    public sealed record AuthorItem(string Name, string Role);

    public sealed record ArtifactItem(
        int Id, int SeasonId, string Season, string Stream, string StreamName, string Kind, string Title, string Abstract, IReadOnlyList<AuthorItem> Authors,
        string ArxivId, string Doi, string RepositoryUrl, string WebsiteUrl, bool HasPdf, string Licence, string State, DateOnly? PublishedOn, string? ConfirmedBy,
        DateTime? ConfirmedAt);

    /// <param name="Kind">ShortText, LongText, SingleChoice, MultipleChoice, Url, Date or File.</param>
    public sealed record QuestionItem(int Id, int Position, string Key, string Prompt, string Kind, bool Required);

    public sealed record ExtensionRoundItem(
        int Id, int SeasonId, string Season, string Name, DateTime OpensAt, DateTime ClosesAt, int Seats, int Budget, string Currency, DateOnly ExtendsUntil,
        IReadOnlyList<QuestionItem> Questions, int Applications, int Accepted, int AcceptedAmount);

    public sealed record ExtensionApplicationItem(
        int Id, int RoundId, string Round, int SeasonId, int FellowshipId, string? Name, string? Email, string Stream, int RequestedAmount, string Currency, string State,
        DateTime? SubmittedAt, DateTime UpdatedAt, double? EndorsementRating, int Endorsements, bool Decided);

    public static void MapProgramme(this RouteGroupBuilder api)
    {
        api.MapGet("/fellows", async Task<Results<Ok<ApiPage<FellowItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? season, string? stream, bool? extended, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, problem) = await ApiSeason.OptionalAsync(db, season, cancellation);
                if (problem is not null)
                {
                    return problem;
                }

                var filter = new FellowshipFilter(seasonId, Stream: Slug(stream), Extended: extended);
                return await ApiPaging.PageAsync<FellowItem>(request, cursor, limit, async (after, take) =>
                {
                    var rows = await FellowshipRows.PageAsync(db, filter, after, take, cancellation);
                    var people = await IdentitiesAsync(request, db, rows.Select(f => f.ApplicantId), cancellation);
                    return rows.Select(f =>
                    {
                        var person = people?.GetValueOrDefault(f.ApplicantId);
                        return new FellowItem(f.Id, f.SeasonId, f.Season, f.StreamSlug, f.Stream, f.ApplicationId, person?.Name, person?.Email, f.Projects,
                            f.StartedAt, f.EndsOn, f.Extended, f.LatestAssessment?.ToString(), f.LatestAssessmentAt);
                    }).ToList();
                }, f => f.Id);
            })
            .RequireScope(ApiScopes.ProgrammeRead)
            .WithName("ListFellows")
            .WithSummary("The cohort, one fellowship each; filters season (slug), stream (slug), extended. Names and emails only with applications:read");

        api.MapGet("/milestones", async Task<Results<Ok<ApiPage<MilestoneItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db, TimeProvider clock,
                string? season, string? stream, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, problem) = await ApiSeason.OptionalAsync(db, season, cancellation);
                if (problem is not null)
                {
                    return problem;
                }

                var filter = new MilestoneFilter(seasonId, Stream: Slug(stream));
                return await ApiPaging.PageAsync<MilestoneItem>(request, cursor, limit, async (after, take) =>
                {
                    var rows = await MilestoneRows.PageAsync(db, filter, clock.GetUtcNow().UtcDateTime, after, take, cancellation);
                    var redaction = request.HttpContext.User.MayIdentify()
                        ? null
                        : await FellowRedaction.ForAsync(db, rows.SelectMany(m => m.Progress.Select(p => (m.SeasonId, p.ApplicantId))).Distinct().ToList(), cancellation);
                    return rows.Select(m => new MilestoneItem(m.Id, m.SeasonId, m.Season, m.Title, m.Description, m.DueAt, m.Submission.ToString(), m.RequiresSignOff,
                        m.RemindDaysBefore, m.ExtensionRoundId, m.Progress.Select(p =>
                        {
                            string? Text(string? text) => redaction is null ? text : redaction.Apply(m.SeasonId, p.ApplicantId, text);
                            return new ProgressItem(p.FellowshipId, p.Stream, p.SubmittedAt, p.Late, Text(p.Link), p.TextLength, Text(p.FileName), p.SignOff?.ToString(),
                                Text(p.Comment), p.SignedOffBy, p.SignedOffAt);
                        }).ToList())).ToList();
                }, m => m.Id);
            })
            .RequireScope(ApiScopes.ProgrammeRead)
            .WithName("ListMilestones")
            .WithSummary("Milestones with each fellow's submission and sign-off; filters season (slug), stream (slug, narrows the progress)");

        api.MapGet("/artifacts", async Task<Results<Ok<ApiPage<ArtifactItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? season, string? stream, string? kind, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, seasonProblem) = await ApiSeason.OptionalAsync(db, season, cancellation);
                var kindProblem = ApiFilters.Named<ArtifactKind>("kind", kind, out var chosen);
                if ((seasonProblem ?? kindProblem) is { } problem)
                {
                    return problem;
                }

                var filter = new ArtifactFilter(PublicOnly: true, seasonId, Stream: Slug(stream), Kind: chosen);
                return await ApiPaging.PageAsync<ArtifactItem>(request, cursor, limit, async (after, take) =>
                    (await ArtifactRows.PageAsync(db, filter, after, take, cancellation)).Select(row =>
                    {
                        var a = row.Artifact;
                        return new ArtifactItem(a.Id, a.SeasonId, a.SeasonSlug, a.StreamSlug, a.StreamName, a.Kind.ToString(), a.Title, a.Abstract,
                            a.Authors.Select(author => new AuthorItem(author.Name, author.Role.ToString().ToLowerInvariant())).ToList(),
                            a.ArxivId, a.Doi, a.RepositoryUrl, a.WebsiteUrl, a.PdfFileId is not null, a.Licence, a.State.ToString(), a.PublishedOn, row.ConfirmedBy, a.ConfirmedAt);
                    }).ToList(),
                    a => a.Id);
            })
            .RequireScope(ApiScopes.CatalogueRead)
            .WithName("ListArtifacts")
            .WithSummary("The public showcase's artifacts (confirmed, shown publicly, past draft) with their bylines; filters season (slug), stream (slug), kind");

        api.MapGet("/extension-rounds", async Task<Results<Ok<ApiPage<ExtensionRoundItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? season, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, problem) = await ApiSeason.OptionalAsync(db, season, cancellation);
                if (problem is not null)
                {
                    return problem;
                }

                return await ApiPaging.PageAsync<ExtensionRoundItem>(request, cursor, limit, async (after, take) =>
                    (await ExtensionRoundRows.PageAsync(db, seasonId, after, take, cancellation)).Select(r => new ExtensionRoundItem(
                        r.Id, r.SeasonId, r.Season, r.Name, r.OpensAt, r.ClosesAt, r.Seats, r.Budget, r.Currency, r.ExtendsUntil,
                        r.Questions.Select(q => new QuestionItem(q.Id, q.Position, q.Key, q.Prompt, q.Kind.ToString(), q.Required)).ToList(),
                        r.Applications, r.Accepted, r.AcceptedAmount)).ToList(),
                    r => r.Id);
            })
            .RequireScope(ApiScopes.ProgrammeRead)
            .WithName("ListExtensionRounds")
            .WithSummary("Extension rounds with their form, dates, seats and budget, and how many applied and were accepted; filter season (slug)");

        api.MapGet("/extension-applications", async Task<Results<Ok<ApiPage<ExtensionApplicationItem>>, ValidationProblem>> (HttpRequest request, CohortDbContext db,
                string? season, int? round, string? state, string? cursor, int? limit, CancellationToken cancellation) =>
            {
                var (seasonId, seasonProblem) = await ApiSeason.OptionalAsync(db, season, cancellation);
                var stateProblem = ApiFilters.Named<ApplicationState>("state", state, out var chosen);
                if ((seasonProblem ?? stateProblem) is { } problem)
                {
                    return problem;
                }

                var filter = new ExtensionApplicationFilter(seasonId, round, chosen);
                return await ApiPaging.PageAsync<ExtensionApplicationItem>(request, cursor, limit, async (after, take) =>
                {
                    var rows = await ExtensionApplicationRows.PageAsync(db, filter, after, take, cancellation);
                    var people = await IdentitiesAsync(request, db, rows.Select(a => a.ApplicantId), cancellation);
                    return rows.Select(a =>
                    {
                        var person = people?.GetValueOrDefault(a.ApplicantId);
                        return new ExtensionApplicationItem(a.Id, a.RoundId, a.Round, a.SeasonId, a.FellowshipId, person?.Name, person?.Email, a.Stream, a.RequestedAmount,
                            a.Currency, a.State.ToString(), a.SubmittedAt, a.UpdatedAt, a.EndorsementRating, a.Endorsements, a.Decided);
                    }).ToList();
                }, a => a.Id);
            })
            .RequireScope(ApiScopes.ProgrammeRead)
            .WithName("ListExtensionApplications")
            .WithSummary("Extension applications with their endorsements' mean rating and count; filters season (slug), round (id), state. Names and emails only with applications:read");
    }

    private static string? Slug(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The fellows' names and emails by account, for a token holding <c>applications:read</c>; null (no identities) for any other.</summary>
    private static async Task<IReadOnlyDictionary<string, (string Name, string Email)>?> IdentitiesAsync(
        HttpRequest request, CohortDbContext db, IEnumerable<string> accountIds, CancellationToken cancellation) =>
        request.HttpContext.User.MayIdentify() ? await ApplicantReferences.IdentitiesAsync(db, accountIds.Distinct().ToList(), cancellation) : null;
}
