using Cohort.Core.Applications;
using Cohort.Core.Extensions;
using Cohort.Core.Programme;
using Cohort.Web.Tests.Infrastructure;
using Cohort.Web.Tests.Projects;
using Cohort.Web.Tests.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Web.Tests.Extensions;

/// <summary>Fellows, extension rounds and applications put straight into the app's database, for the extension pages.</summary>
public sealed class ExtensionsData(CohortApp app)
{
    public ProjectsData Projects { get; } = new(app);

    public StreamsStageData StreamsStage => Projects.StreamsStage;

    public sealed record Fellow(StreamsStageData.Person Person, int FellowshipId);

    /// <summary>A new fellow of <paramref name="streamSlug"/> in the current season: an accepted offer and its fellowship.</summary>
    public async Task<Fellow> FellowAsync(string streamSlug = StreamsStageData.Coalition)
    {
        var fellow = await Projects.FellowAsync(streamSlug);
        var fellowshipId = await app.WithDbAsync(async db =>
        {
            var offer = await db.Offers.SingleAsync(o => o.StreamApplicationId == fellow.ApplicationId);
            if (await db.Fellowships.SingleOrDefaultAsync(f => f.OfferId == offer.Id) is { } made)
            {
                return made.Id;
            }

            var fellowship = new Fellowship
            {
                SeasonId = offer.SeasonId, StreamId = offer.StreamId, OfferId = offer.Id, StreamApplicationId = offer.StreamApplicationId,
                ApplicantId = offer.ApplicantId, StartedAt = app.Clock.GetUtcNow().UtcDateTime, EndsOn = new DateOnly(2027, 9, 30),
            };
            db.Fellowships.Add(fellowship);
            await db.SaveChangesAsync();
            return fellowship.Id;
        });
        return new(fellow.Person, fellowshipId);
    }

    /// <summary>A round of the current season open from a day ago for <paramref name="daysLeft"/> more days (negative: closed), with one required question.</summary>
    public Task<int> RoundAsync(int seats, int budget, double daysLeft = 7) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
            var round = new ExtensionRound
            {
                SeasonId = season.Id, Name = $"Extension {Guid.NewGuid():N}"[..20], OpensAt = now.AddDays(-10), ClosesAt = now.AddDays(daysLeft),
                Seats = seats, Budget = budget, Currency = "USD", ExtendsUntil = new DateOnly(2028, 1, 31),
            };
            round.Questions.Add(new ExtensionQuestion { Key = "plan", Prompt = "What would you finish?", Kind = QuestionKind.LongText, Required = true });
            db.ExtensionRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id;
        });

    /// <summary>A submitted application of <paramref name="fellow"/> asking <paramref name="amount"/>, endorsed by each of <paramref name="ratings"/>'s mentors of the stream in turn.</summary>
    public Task<int> ApplicationAsync(int roundId, Fellow fellow, int amount, params int[] ratings) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var application = new ExtensionApplication { RoundId = roundId, FellowshipId = fellow.FellowshipId, State = ApplicationState.Submitted, RequestedAmount = amount, SubmittedAt = now, UpdatedAt = now };
            var mentors = await db.Fellowships.Where(f => f.Id == fellow.FellowshipId)
                .SelectMany(f => db.StreamMentors.Where(m => m.StreamId == f.StreamId).OrderBy(m => m.Position).Select(m => m.MentorId)).ToListAsync();
            foreach (var (rating, mentor) in ratings.Zip(mentors))
            {
                application.Endorsements.Add(new ExtensionEndorsement { MentorId = mentor, Rating = rating, Comment = "Strong work.", At = now });
            }

            db.ExtensionApplications.Add(application);
            await db.SaveChangesAsync();
            return application.Id;
        });
}
