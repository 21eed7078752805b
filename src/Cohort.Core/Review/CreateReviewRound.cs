using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Review;

/// <summary>What an admin asks for when creating a round. <see cref="StreamId"/> is for stage 3 only.</summary>
public sealed record ReviewRoundRequest(string Name, StageKind Stage, int? StreamId, int RubricId, int ReviewsPerApplication, DateTime? DueAt);

/// <summary>The round created, or every problem with the request.</summary>
public sealed record CreateRoundOutcome(ReviewRound? Round, IReadOnlyList<string> Problems);

/// <summary>Creates a draft review round of the current season for one stage (and, at stage 3, one stream) with one of the season's rubrics.</summary>
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

        if (!StageKinds.Selection.Contains(request.Stage))
        {
            problems.Add("Only the general application, the assessments and the stream applications are reviewed.");
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
            SeasonId = season.Id, Name = name, Stage = request.Stage, StreamId = stream?.Id, RubricId = request.RubricId,
            ReviewsPerApplication = request.ReviewsPerApplication, DueAt = request.DueAt, CreatedAt = now, State = ReviewRoundState.Draft,
        };
        db.ReviewRounds.Add(round);
        audit.Record(admin, "review-round.created", $"review-round:{name}",
            $"{request.Stage}{(stream is null ? "" : $" ({stream.Slug})")}, {request.ReviewsPerApplication} reviews per application");
        await db.SaveChangesAsync(cancellation);
        return new(round, []);
    }
}
