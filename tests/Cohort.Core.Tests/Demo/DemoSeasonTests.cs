using Cohort.Core.Applications;
using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Demo;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Core.Tests.Demo;

/// <summary>The demo season flags every question that identifies the applicant, so its blind review hides the right answers.</summary>
public abstract class DemoSeasonTests(CoreServicesFixture core)
{
    [Fact]
    public async Task The_demo_flags_the_name_date_of_birth_organisation_and_link_questions_and_nothing_else()
    {
        var flags = await core.RunAsync<CohortDbContext, List<(string Key, IdentityFlag Identity)>>(async db =>
            (await db.Set<Question>().Select(q => new { q.Key, q.Identity }).ToListAsync())
            .Concat(await db.StreamQuestions.Select(q => new { q.Key, q.Identity }).ToListAsync())
            .Where(q => q.Identity != IdentityFlag.None).Select(q => (q.Key, q.Identity)).OrderBy(q => q.Key).ToList());
        var items = await core.RunAsync<CohortDbContext, int>(db => db.Set<Core.Assessments.AssessmentItem>().CountAsync(i => i.Identity != IdentityFlag.None));

        Assert.Equal(
            new[]
            {
                ("best-work", IdentityFlag.Link), ("date-of-birth", IdentityFlag.DateOfBirth), ("full-name", IdentityFlag.Name),
                ("organisation", IdentityFlag.Organisation), ("probe-repository", IdentityFlag.Link),
            },
            flags);
        Assert.Equal(0, items); // the demo's items ask for reasoning and code, never for who you are
    }

    [Fact]
    public async Task The_demo_reviewer_is_in_the_demo_seasons_pool()
    {
        var email = DemoSeason.Accounts.Single(a => a.Role == Cohort.Core.Accounts.Roles.Reviewer).Email;

        Assert.True(await core.RunAsync<CohortDbContext, bool>(db => db.ReviewerProfiles.AnyAsync(p =>
            db.Seasons.Any(s => s.Id == p.SeasonId && s.IsCurrent) && db.Users.Any(u => u.Id == p.UserId && u.Email == email))));
    }

    [Fact]
    public async Task Seeded_at_a_pinned_day_stages_1_2_and_3_are_open_on_it_and_the_public_dates_are_the_dates_the_forms_keep()
    {
        var day = CoreServicesFixture.Demo;
        var noon = day.At(0, 12);

        var facts = await core.RunAsync<CohortDbContext, (List<Stage> Stages, List<KeyDate> KeyDates, ApplicationForm Form, List<Assessment> Assessments, DateTime? RankingDeadline)>(async db =>
        {
            var season = await db.Seasons.SingleAsync(s => s.IsCurrent);
            return (
                await db.Stages.Where(s => db.Tracks.Any(t => t.Id == s.TrackId && t.SeasonId == season.Id)).OrderBy(s => s.Position).ToListAsync(),
                await db.KeyDates.Where(d => d.SeasonId == season.Id).ToListAsync(),
                await db.ApplicationForms.SingleAsync(f => f.SeasonId == season.Id && f.Kind == FormKind.General),
                await db.Assessments.Where(a => a.Track!.SeasonId == season.Id).ToListAsync(),
                await db.MatchSettings.Where(m => m.SeasonId == season.Id).Select(m => m.RankingDeadline).SingleAsync());
        });
        DateTime KeyDate(string title) => facts.KeyDates.Single(d => d.Title == title).At;

        Assert.Equal(day.SeasonSlug, await core.RunAsync<CohortDbContext, string>(db => db.Seasons.Where(s => s.IsCurrent).Select(s => s.Slug).SingleAsync()));
        Assert.Equal(3, facts.Stages.Count);
        Assert.All(facts.Stages, stage => Assert.InRange(noon, stage.OpensAt, stage.ClosesAt));
        Assert.Equal((KeyDate("Applications open"), KeyDate("Initial application deadline")), (facts.Stages[0].OpensAt, facts.Stages[0].ClosesAt));
        Assert.Equal((facts.Form.OpensAt, facts.Form.ClosesAt), (facts.Stages[0].OpensAt, facts.Stages[0].ClosesAt));
        Assert.Equal((KeyDate("Assessment window opens"), KeyDate("Assessment deadline")), (facts.Stages[1].OpensAt, facts.Stages[1].ClosesAt));
        Assert.All(facts.Assessments, a => Assert.Equal((facts.Stages[1].OpensAt, facts.Stages[1].ClosesAt), (a.OpensAt, a.ClosesAt)));
        Assert.Equal(KeyDate("Stream applications close"), facts.Stages[2].ClosesAt);
        Assert.Equal(KeyDate("Rankings close"), facts.RankingDeadline);
        Assert.True(facts.RankingDeadline > facts.Stages[2].ClosesAt, "applicants rank after stage 3 closes");
    }

    [Fact]
    public void The_demo_catalogue_holds_no_absolute_date_only_dates_counted_from_the_seeding_day()
    {
        var template = DemoSeason.CatalogueTemplate();

        Assert.DoesNotMatch(@"\b20\d\d\b", template);
        Assert.DoesNotMatch(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December)\b", template);
        Assert.DoesNotContain("{{", DemoSeason.CatalogueJson(new DemoCalendar(new DateOnly(2031, 12, 30))), StringComparison.Ordinal);
    }

    [Fact]
    public void Date_tokens_resolve_to_days_counted_from_the_seeding_day_and_the_year_is_the_programmes()
    {
        var calendar = new DemoCalendar(new DateOnly(2027, 11, 1)); // the programme starts on D+77, in 2028

        Assert.Equal("2027-10-18T09:00:00Z / 2028-01-17 / 17 January 2028 / 2028 / 2026",
            calendar.Resolve("{{D-14 09:00}} / {{D+77}} / {{D+77|d MMMM yyyy}} / {{year}} / {{year-2}}"));
        Assert.Equal("2028", calendar.SeasonSlug);
        Assert.Equal("2027", calendar.YearBefore.SeasonSlug);
    }
}

public sealed class DemoSeasonOnSqlite(SqliteCore core) : DemoSeasonTests(core), IClassFixture<SqliteCore>;

public sealed class DemoSeasonOnPostgres(PostgresCore core) : DemoSeasonTests(core), IClassFixture<PostgresCore>;
