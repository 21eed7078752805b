using Cohort.Core.Accounts;
using Cohort.Core.Applications;
using Cohort.Core.Audit;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Mail;
using Cohort.Core.Pipeline;
using Cohort.Core.Preferences;
using Cohort.Core.Privacy;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Privacy;

/// <summary>
/// The erasure canary: an applicant with a unique name and address goes through a season (account, general application
/// with a file, stream application, a review with a comment, a decision, mail, a stream ranking, a request to be
/// erased); once erased, no string column of any table of the EF model holds the name or the address, the person cannot
/// sign in, and the season's counts are what they were.
/// </summary>
public abstract class ErasureCanaryTests(CoreServicesFixture core)
{
    private static readonly Actor Admin = new("admin-id", "admin@example.net");
    private const string Password = "a long enough passphrase";

    private sealed record Canary(string Id, string Name, string Email, int Application, int StreamApplication);

    private async Task<Canary> CanaryThroughTheSeasonAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (name, email) = ($"Zephyrine Canarywood {tag}", $"canary-{tag}@example.net");
        await core.RunAsync<CreateAccount, IdentityResult>(create => create.RunAsync(email, Password, name, Roles.Applicant, Actor.System));
        var id = await core.RunAsync<CohortDbContext, string>(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var (application, streamApplication) = await core.RunAsync<CohortDbContext, (int, int)>(async db =>
        {
            var general = await ReviewPool.ApplicationAsync(db, id, organisation: $"{name} Institute", motivation: $"I am {name} ({email}) and I want to join.");
            db.StoredFiles.Add(new StoredFile { OwnerId = id, FileName = $"{name} CV.pdf", ContentType = "application/pdf", Length = 4, Content = [1, 2, 3, 4], UploadedAt = DateTime.UtcNow });
            var stream = await db.Streams.Where(s => s.Track!.Season!.IsCurrent).OrderBy(s => s.Id).FirstAsync();
            var streamApplication = new StreamApplication { StreamId = stream.Id, ApplicantId = id, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
            db.StreamApplications.Add(streamApplication);
            foreach (var question in await StreamQuestions.AskedByAsync(db, [stream.Id], CancellationToken.None))
            {
                db.StreamAnswers.Add(new StreamAnswer { ApplicantId = id, QuestionId = question.Id, Value = $"{name} answers {question.Key}", UpdatedAt = DateTime.UtcNow });
            }

            await db.SaveChangesAsync();
            db.ApplicantStreamPreferences.Add(new ApplicantStreamPreference { ApplicantId = id, StreamApplicationId = streamApplication.Id, Position = 1 });
            var round = await SubmittedReviews.RoundAsync(db, StageKind.General, ReviewRoundState.Open, $"Canary round {tag}");
            await SubmittedReviews.ReviewAsync(db, round, general, (await SubmittedReviews.ReviewersAsync(db, 1))[0], 4);
            var review = await db.ReviewSubmissions.OrderByDescending(r => r.Id).FirstAsync();
            review.Comment = $"{name} writes well.";
            await db.SaveChangesAsync();
            return (general, streamApplication.Id);
        });
        await core.RunAsync<DecideApplications, DecisionOutcome>(decide => decide.RunAsync(Admin, StageKind.General, [application], Decision.Advance));
        await using (var scope = core.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(email, $"Hello {name}", $"Dear {name},\n\nyour application is in.");
            await scope.ServiceProvider.GetRequiredService<CohortDbContext>().SaveChangesAsync();
        }

        await core.RunAsync<RequestErasure, ErasureRequest>(request => request.RunAsync(id));
        return new(id, name, email, application, streamApplication);
    }

    [Fact]
    public async Task After_erasure_no_string_column_of_any_table_holds_the_name_or_the_address_and_the_counts_are_unchanged()
    {
        var canary = await CanaryThroughTheSeasonAsync();
        Assert.NotEmpty(await core.RunAsync<CohortDbContext, List<string>>(db => TablesHoldingAsync(db, canary.Name)));
        Assert.NotEmpty(await core.RunAsync<CohortDbContext, List<string>>(db => TablesHoldingAsync(db, canary.Email)));
        var before = await core.RunAsync<CohortDbContext, List<string>>(CensusAsync);

        var outcome = await core.RunAsync<EraseApplicant, ErasureOutcome>(erase => erase.RunAsync(Admin, canary.Id));

        Assert.True(outcome.Erased, outcome.Refusal);
        Assert.Empty(await core.RunAsync<CohortDbContext, List<string>>(db => TablesHoldingAsync(db, canary.Name)));
        Assert.Empty(await core.RunAsync<CohortDbContext, List<string>>(db => TablesHoldingAsync(db, canary.Email)));
        Assert.Equal(before, await core.RunAsync<CohortDbContext, List<string>>(CensusAsync));
        Assert.Equal(ApplicationState.Advanced, await core.RunAsync<CohortDbContext, ApplicationState>(db => db.Applications.Where(a => a.Id == canary.Application).Select(a => a.State).SingleAsync()));
    }

    [Fact]
    public async Task Before_erasure_the_download_holds_their_answers_decision_and_review_scores_but_not_the_reviewer_or_the_comment()
    {
        var canary = await CanaryThroughTheSeasonAsync();

        var (json, reviewer) = await core.RunAsync<CohortDbContext, (string, string)>(async db =>
            (ApplicantData.ToJson((await ApplicantData.CollectAsync(db, canary.Id, DateTime.UtcNow, CancellationToken.None))!),
                await db.ReviewAssignments.Where(a => a.SubjectId == canary.Application && a.Review != null).Select(a => a.ReviewerId).FirstAsync()));

        Assert.Contains($"I am {canary.Name}", json, StringComparison.Ordinal);
        Assert.Contains($"{canary.Name} CV.pdf", json, StringComparison.Ordinal);
        Assert.Contains("\"recommendation\": \"Borderline\"", json, StringComparison.Ordinal);
        Assert.Contains("\"overall\": 4", json, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"Advanced\"", json, StringComparison.Ordinal);
        Assert.Contains("privacy.erasure-requested", json, StringComparison.Ordinal);
        Assert.Contains(ApplicantData.SomeoneElse, json, StringComparison.Ordinal);
        Assert.DoesNotContain($"{canary.Name} writes well.", json, StringComparison.Ordinal);
        Assert.DoesNotContain(reviewer, json, StringComparison.Ordinal);
        Assert.DoesNotContain(Admin.Name, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_erased_person_cannot_sign_in_and_a_second_erasure_is_refused()
    {
        var canary = await CanaryThroughTheSeasonAsync();

        var first = await core.RunAsync<EraseApplicant, ErasureOutcome>(erase => erase.RunAsync(Admin, canary.Id));
        var second = await core.RunAsync<EraseApplicant, ErasureOutcome>(erase => erase.RunAsync(Admin, canary.Id));

        await using var scope = core.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CohortUser>>();
        Assert.Null(await users.FindByEmailAsync(canary.Email));
        var tombstone = await users.FindByIdAsync(canary.Id);
        Assert.NotNull(tombstone);
        Assert.False(await users.CheckPasswordAsync(tombstone, Password));
        Assert.True(await users.IsLockedOutAsync(tombstone));
        Assert.Equal(first.Pseudonym, tombstone.DisplayName);
        Assert.Equal("This applicant's data was already erased.", second.Refusal);
        var request = await core.RunAsync<CohortDbContext, ErasureRequest>(db => db.ErasureRequests.SingleAsync(r => r.ApplicantId == canary.Id));
        Assert.Equal(first.Pseudonym, request.Pseudonym);
    }

    [Fact]
    public async Task Asking_twice_keeps_one_open_request()
    {
        var canary = await CanaryThroughTheSeasonAsync();

        var again = await core.RunAsync<RequestErasure, ErasureRequest>(request => request.RunAsync(canary.Id));

        Assert.True(again.IsOpen);
        Assert.Equal(1, await core.RunAsync<CohortDbContext, int>(db => db.ErasureRequests.CountAsync(r => r.ApplicantId == canary.Id)));
    }

    /// <summary>Every table and string column of the EF model whose value contains <paramref name="text"/>, case ignored.</summary>
    /// <summary>Every "table.column" of the model with a string value containing <paramref name="text"/>, case-insensitively.</summary>
    internal static async Task<List<string>> TablesHoldingAsync(CohortDbContext db, string text)
    {
        var found = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns.Where(c => c.ProviderClrType == typeof(string)))
            {
                var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
                // The database lowers both sides: SQLite's lower() folds only ASCII, so lowering the needle in C# would miss
                // a name such as "Ćirić" that SQLite stores and lowers as "Ćirić".
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM {name} WHERE lower(\"{column.Name}\") LIKE lower({{0}})";
                var count = await db.Database.SqlQueryRaw<int>(sql, $"%{text}%").SingleAsync();
                if (count > 0)
                {
                    found.Add($"{table.Name}.{column.Name}");
                }
            }
        }

        return found;
    }

    /// <summary>The season's statistics erasure must keep: rows by state at every stage, reviews, mail, audit entries, accounts.</summary>
    private static async Task<List<string>> CensusAsync(CohortDbContext db) =>
    [
        .. (await db.Applications.GroupBy(a => new { a.FormId, a.State }).Select(g => new { g.Key.FormId, g.Key.State, Count = g.Count() }).ToListAsync())
            .Select(g => $"application {g.FormId} {g.State} {g.Count}").Order(),
        .. (await db.StreamApplications.GroupBy(a => new { a.StreamId, a.State }).Select(g => new { g.Key.StreamId, g.Key.State, Count = g.Count() }).ToListAsync())
            .Select(g => $"stream application {g.StreamId} {g.State} {g.Count}").Order(),
        .. (await db.StageEntries.GroupBy(e => new { e.StageId, e.State }).Select(g => new { g.Key.StageId, g.Key.State, Count = g.Count() }).ToListAsync())
            .Select(g => $"stage entry {g.StageId} {g.State} {g.Count}").Order(),
        $"reviews {await db.ReviewSubmissions.CountAsync()} overall {await db.ReviewSubmissions.SumAsync(r => r.Overall)}",
        $"offers {await db.Offers.CountAsync()}",
        $"attempts {await db.Attempts.CountAsync()}",
        $"mail {await db.OutboxMessages.CountAsync()}",
        $"accounts {await db.Users.CountAsync()}",
    ];
}

public sealed class ErasureCanaryOnSqlite(SqliteCore core) : ErasureCanaryTests(core), IClassFixture<SqliteCore>;

public sealed class ErasureCanaryOnPostgres(PostgresCore core) : ErasureCanaryTests(core), IClassFixture<PostgresCore>;
