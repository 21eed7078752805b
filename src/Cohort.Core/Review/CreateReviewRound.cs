using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>What an admin asks for when creating a round. <see cref="StreamId"/> is for stage 3 only, <see cref="ExtensionRoundId"/> for an extension round's review only.</summary>
public sealed record ReviewRoundRequest(string Name, StageKind Stage, int? StreamId, int RubricId, int ReviewsPerApplication, DateTime? DueAt, int? ExtensionRoundId = null);

/// <summary>The round created, or every problem with the request.</summary>
public sealed record CreateRoundOutcome(ReviewRound? Round, IReadOnlyList<string> Problems);

/// <summary>
/// Creates a draft review round of the current season for one stage (at stage 3, one stream; for extensions, one
/// extension round, of this season or an earlier one whose fellows apply) with one of the season's rubrics.
/// </summary>
public sealed class CreateReviewRound(CohortDbContext db, TimeProvider clock, AuditLog audit)
{
    public const int MaxReviewsPerApplication = 10;

    public async Task<CreateRoundOutcome> RunAsync(Actor admin, ReviewRoundRequest request, CancellationToken cancellation = default)
    {
        var season = await db.Seasons.CurrentAsync(cancellation);
        if (season is null)
        {
            return new(null, ["There is no season yet."]);
        }

        var problems = new List<string>();
        var name = request.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            problems.Add("Give the round a name of at most 200 characters.");
        }

        if (!await db.Rubrics.AnyAsync(r => r.Id == request.RubricId && r.SeasonId == season.Id, cancellation))
        {
            problems.Add("Choose one of this season's rubrics.");
        }

        if (request.ReviewsPerApplication is < 1 or > MaxReviewsPerApplication)
        {
            problems.Add($"Reviews per application must be from 1 to {MaxReviewsPerApplication}.");
        }

        if (!StageKinds.Selection.Contains(request.Stage) && request.Stage != StageKind.Extension)
        {
            problems.Add("Only the general application, the assessments, the stream applications and extension applications are reviewed.");
        }

        var extension = request.Stage == StageKind.Extension && request.ExtensionRoundId is { } extensionId
            ? await db.ExtensionRounds.SingleOrDefaultAsync(r => r.Id == extensionId, cancellation)
            : null;
        if (request.Stage == StageKind.Extension && extension is null)
        {
            problems.Add("An extension review round reviews one extension round's applications: choose the round.");
        }

        var stream = request.Stage == StageKind.Streams && request.StreamId is { } streamId
            ? await db.Streams.OfSeason(season.Id).SingleOrDefaultAsync(s => s.Id == streamId, cancellation)
            : null;
        if (request.Stage == StageKind.Streams && stream is null)
        {
            problems.Add("A stage 3 round reviews one stream's applications: choose the stream.");
        }

        if (problems.Count > 0)
        {
            return new(null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var round = new ReviewRound
        {
            SeasonId = season.Id, Name = name, Stage = request.Stage, StreamId = stream?.Id, ExtensionRoundId = extension?.Id, RubricId = request.RubricId,
            ReviewsPerApplication = request.ReviewsPerApplication, DueAt = request.DueAt, CreatedAt = now, State = ReviewRoundState.Draft,
        };
        db.ReviewRounds.Add(round);
        audit.Record(admin, "review-round.created", $"review-round:{name}",
            $"{request.Stage}{(stream is null ? "" : $" ({stream.Slug})")}{(extension is null ? "" : $" ({extension.Name})")}, {request.ReviewsPerApplication} reviews per application");
        await db.SaveChangesAsync(cancellation);
        return new(round, []);
    }
}
