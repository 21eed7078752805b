using Cohort.Core.Accounts;
using Cohort.Core.Programme;
using Cohort.Demo;
using Cohort.EndToEnd.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Cohort.EndToEnd;

/// <summary>
/// The programme's pages in a real browser, on a laptop and on a 390 px phone: each fits the window and axe finds no
/// serious or critical violation, with a board holding every kind of cell (upcoming, due soon, overdue, handed in,
/// signed off at risk).
/// </summary>
public sealed class ProgrammePagesLayoutTests(LiveSite site) : IClassFixture<LiveSite>
{
    private static (int Fellowship, int Milestone, string Email)? seeded;

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task The_cohort_the_boards_the_fellows_page_and_the_milestones_fit_the_window_and_pass_axe(string viewport)
    {
        var (fellowship, milestone, email) = await SeedAsync();
        var size = Viewport.Named(viewport);

        foreach (var (account, password, paths) in new[]
        {
            (DemoSeason.CoalitionMentor.Email, DemoSeason.CoalitionMentor.Password, new[] { "/mentor", "/fellows", "/mentor/board", $"/fellows/{fellowship}" }),
            (email, StreamsStageApplicants.Password, new[] { "/portal", "/portal/fellowship" }),
            (DemoSeason.Admin.Email, DemoSeason.Admin.Password, new[] { "/admin/fellows/board", "/admin/milestones", "/admin/milestones/new", $"/admin/milestones/{milestone}/edit" }),
        })
        {
            await using var context = await site.NewContextAsync(size.Width, size.Height);
            await using var journey = await Journey.OpenAsync(site.App, context, size);
            await SiteAccounts.SignInAsync(journey.Page, account, password);
            foreach (var path in paths)
            {
                await journey.GoAsync(path);
            }
        }
    }

    /// <summary>Two coalition fellows and three milestones of the current season, once for both viewports.</summary>
    private async Task<(int Fellowship, int Milestone, string Email)> SeedAsync()
    {
        if (seeded is { } done)
        {
            return done;
        }

        var streamId = await site.App.WithDbAsync(db => db.Streams.Where(s => s.Slug == "control-coalition").Select(s => s.Id).SingleAsync());
        var first = await StreamsStageApplicants.NewAsync(site.App, "Wren Halloway-Castellanos", streamId);
        var second = await StreamsStageApplicants.NewAsync(site.App, "Ode Fellow", streamId);
        var now = site.App.Clock.GetUtcNow().UtcDateTime;
        seeded = await site.App.WithDbAsync(async db =>
        {
            var endsOn = DateOnly.FromDateTime(now.AddDays(90));
            var fellowship = await HeldFellowships.PutAsync(db, first.Application, endsOn);
            var other = await HeldFellowships.PutAsync(db, second.Application, endsOn);
            var season = await db.Seasons.Where(s => s.IsCurrent).Select(s => s.Id).SingleAsync();
            var milestones = new[]
            {
                new Milestone { SeasonId = season, Title = "Research plan with a rather long title for a phone", DueAt = now.AddDays(-2), Submission = SubmissionKind.Text, RequiresSignOff = true },
                new Milestone { SeasonId = season, Title = "Midpoint check-in", DueAt = now.AddDays(3), Submission = SubmissionKind.None, RequiresSignOff = true },
                new Milestone { SeasonId = season, Title = "Final artifact", DueAt = now.AddDays(40), Submission = SubmissionKind.File, RequiresSignOff = true },
            };
            db.Milestones.AddRange(milestones);
            await db.SaveChangesAsync();
            var mentor = await db.Mentors.Where(m => m.Slug == DemoSeason.DemoMentorSlug && m.SeasonId == season).Select(m => m.Id).SingleAsync();
            db.MilestoneSubmissions.AddRange(
                new MilestoneSubmission { FellowshipId = fellowship, MilestoneId = milestones[0].Id, Text = "A plan, handed in late.", SubmittedAt = now.AddDays(-1) },
                new MilestoneSubmission { FellowshipId = other, MilestoneId = milestones[0].Id, Text = "Another plan.", SubmittedAt = now.AddDays(-3) });
            db.CheckIns.Add(new CheckIn { FellowshipId = other, MentorId = mentor, MilestoneId = milestones[0].Id, Assessment = Assessment.AtRisk, Comment = "Too wide a scope.", At = now.AddDays(-1) });
            await db.SaveChangesAsync();
            return (fellowship, milestones[0].Id, first.Email);
        });
        return seeded.Value;
    }
}
