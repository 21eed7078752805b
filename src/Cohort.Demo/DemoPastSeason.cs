using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue.Transfer;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Match;
using Cohort.Core.Preferences;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Demo;

/// <summary>
/// Last year's season, finished: the same catalogue a year earlier (<see cref="DemoCalendar.YearBefore"/>), whose
/// applicants applied to streams and ranked them, and whose match was run, published and accepted through the app's
/// own use cases (<see cref="RunStreamMatch"/>, <see cref="PublishStreamMatch"/>, <see cref="RespondToOffer"/>) on last year's
/// clock, so its fellows are a real outcome the admin pages can explain. It is never the current season: the
/// public site keeps presenting this year's.
/// </summary>
public sealed class DemoPastSeason(CohortDbContext db, ImportCatalogue import, IServiceProvider services)
{
    /// <summary>How many of last year's applicants reached the match; the streams had room for all of them, so all became fellows.</summary>
    public const int ApplicantCount = 16;

    public async Task SeedAsync(DemoCalendar current, CancellationToken cancellation = default)
    {
        var calendar = current.YearBefore;
        if (await db.Seasons.AnyAsync(s => s.Slug == calendar.SeasonSlug, cancellation))
        {
            return;
        }

        var outcome = await import.FromJsonAsync(DemoSeason.CatalogueJson(calendar), Actor.System, cancellation);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("Last year's demo season does not import: " + string.Join("; ", outcome.Problems));
        }

        var past = await db.Seasons.SingleAsync(s => s.Slug == calendar.SeasonSlug, cancellation);
        await StreamApplicationsAsync(past.Id, calendar, cancellation);

        // The match use cases work on the current season, as an admin's would: last year's is current while they run.
        var present = await db.Seasons.SingleAsync(s => s.IsCurrent, cancellation);
        (present.IsCurrent, past.IsCurrent) = (false, true);
        await db.SaveChangesAsync(cancellation);
        try
        {
            await MatchAsync(calendar, cancellation);
        }
        finally
        {
            (present.IsCurrent, past.IsCurrent) = (true, false);
            await db.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>Each applicant applied to two streams and ranked them; every stream ranked its applicants by planted quality.</summary>
    private async Task StreamApplicationsAsync(int seasonId, DemoCalendar calendar, CancellationToken cancellation)
    {
        var streams = await db.Streams.Where(s => s.Track!.SeasonId == seasonId).OrderBy(s => s.Id).ToListAsync(cancellation);
        var applications = new List<(StreamApplication Application, double Quality, int Choice)>();
        for (var i = 0; i < ApplicantCount; i++)
        {
            // Indexes after this year's 48, so last year's people are not this year's.
            var index = DemoActivity.ApplicantCount + i;
            var email = $"applicant{index + 1:00}@{DemoActivity.ApplicantDomains[index % DemoActivity.ApplicantDomains.Count]}";
            var user = new CohortUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = DemoPeople.Name(index), SecurityStamp = Guid.NewGuid().ToString(), EmailConfirmed = true,
            };
            db.Users.Add(user);
            var quality = 1.0 - (i / (double)ApplicantCount);
            foreach (var (stream, position) in new[] { streams[i % streams.Count], streams[(i + 3) % streams.Count] }.Select((s, p) => (s, p + 1)))
            {
                var application = new StreamApplication
                {
                    StreamId = stream.Id, ApplicantId = user.Id, State = ApplicationState.Submitted,
                    CreatedAt = calendar.At(-2, 12), UpdatedAt = calendar.At(-1, 12), SubmittedAt = calendar.At(-1, 12),
                };
                db.StreamApplications.Add(application);
                applications.Add((application, quality, position));
            }
        }

        await db.SaveChangesAsync(cancellation);
        db.ApplicantStreamPreferences.AddRange(applications.Select(a => new ApplicantStreamPreference
        {
            ApplicantId = a.Application.ApplicantId, StreamApplicationId = a.Application.Id, Position = a.Choice,
        }));
        var mentor = await db.Users.SingleAsync(u => u.NormalizedEmail == DemoSeason.CoalitionMentor.Email.ToUpperInvariant(), cancellation);
        foreach (var stream in applications.GroupBy(a => a.Application.StreamId))
        {
            db.StreamPreferences.AddRange(stream.OrderByDescending(a => a.Quality).Select((a, i) => new StreamPreference
            {
                StreamId = stream.Key, StreamApplicationId = a.Application.Id, Position = i + 1, UpdatedAt = calendar.RankingDeadline, UpdatedById = mentor.Id,
            }));
        }

        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>The match run and published on last year's offer day, and every offer accepted three days later.</summary>
    private async Task MatchAsync(DemoCalendar calendar, CancellationToken cancellation)
    {
        var run = await With<RunStreamMatch>(calendar.At(42, 12)).RunAsync(Actor.System, MatchAlgorithm.CandidatesPropose, cancellation)
            ?? throw new InvalidOperationException("Last year's demo season has no current season to match.");
        var published = calendar.At(42, 16);
        var refusal = await With<PublishStreamMatch>(published, new Outbox(db, new FixedClock(published)))
            .RunAsync(Actor.System, run.Id, calendar.At(56, 16), "the applicant portal", cancellation);
        if (refusal is not null)
        {
            throw new InvalidOperationException("Last year's demo match does not publish: " + refusal);
        }

        var respond = With<RespondToOffer>(calendar.At(45, 10));
        foreach (var offer in await db.Offers.Where(o => o.RunId == run.Id).OrderBy(o => o.Id).ToListAsync(cancellation))
        {
            var name = await db.Users.Where(u => u.Id == offer.ApplicantId).Select(u => u.DisplayName).SingleAsync(cancellation);
            if (await respond.RunAsync(new Actor(offer.ApplicantId, name), offer.Id, accept: true, cancellation) is { } declined)
            {
                throw new InvalidOperationException("A demo fellow could not accept last year's offer: " + declined);
            }
        }

        // The offers' mail went out last year: the outbox shows it sent, not waiting to go now.
        await db.OutboxMessages.Where(m => m.SentAt == null && m.CreatedAt == published).ExecuteUpdateAsync(m => m.SetProperty(x => x.SentAt, published), cancellation);
    }

    /// <summary>A use case from the container whose clock reads <paramref name="at"/>, as if it ran then.</summary>
    private T With<T>(DateTime at, params object[] more) => ActivatorUtilities.CreateInstance<T>(services, [new FixedClock(at), .. more]);

    internal sealed class FixedClock(DateTime at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(at, TimeSpan.Zero);
    }
}
