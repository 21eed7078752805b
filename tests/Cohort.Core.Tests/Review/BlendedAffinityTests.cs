using Cohort.Core.Applications;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Cohort.Core.Embeddings;
using Cohort.Core.Review;
using Cohort.Core.StreamApplications;
using Cohort.Core.Tests.Infrastructure;
using Cohort.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cohort.Core.Tests.Review;

/// <summary>
/// The blended affinity wired into assignment, with the default weights and the real model: the research statements
/// and the expertise statements decide where no keyword or tag is shared, every assignment path stores the same
/// affinity for a pair, and the "why" sentences quote the statement as a blind reviewer reads it.
/// </summary>
public abstract class BlendedAffinityTests(CoreServicesFixture core) : ReviewPoolTests(core)
{
    private const string CircuitsExpert = "I reverse-engineer the circuits inside transformer language models. My group maps which attention heads and neurons carry a concept.";
    private const string PolicyExpert = "I advise governments on export controls for advanced chips. I also draft treaty language for verifying international agreements on training compute.";

    private sealed record Instance(int Round, string Circuits, string Policy, int Heads, int Chips, string HeadsApplicant);

    /// <summary>
    /// Two applications, two reviewers each taking exactly one, one review each, no tags or interests (0 keyword
    /// points for every pair): only the statements tell the pairs apart. The heads statement names its applicant, their
    /// email and their organisation, which the season's blind settings (the defaults) hide.
    /// </summary>
    private async Task<Instance> InstanceAsync()
    {
        var circuits = await DbAsync(db => ReviewPool.PersonAsync(db, $"circuits-{Guid.NewGuid():N}@example.com"));
        var policy = await DbAsync(db => ReviewPool.PersonAsync(db, $"policy-{Guid.NewGuid():N}@example.com"));
        var headsEmail = $"heads-{Guid.NewGuid():N}@example.org";
        var headsApplicant = await DbAsync(db => ReviewPool.PersonAsync(db, headsEmail));
        var chipsApplicant = await DbAsync(db => ReviewPool.PersonAsync(db, $"chips-{Guid.NewGuid():N}@example.org"));
        return await DbAsync(async db =>
        {
            foreach (var (reviewer, statement) in new[] { (circuits, CircuitsExpert), (policy, PolicyExpert) })
            {
                await ReviewPool.ReviewerAsync(db, reviewer, minLoad: 1, maxLoad: 1);
                (await db.ReviewerProfiles.SingleAsync(p => p.UserId == reviewer)).ExpertiseStatement = statement;
            }

            var name = (await db.Users.SingleAsync(u => u.Id == headsApplicant)).DisplayName;
            var heads = await ReviewPool.ApplicationAsync(db, headsApplicant, "Okonkwo Interpretability Lab",
                $"I want to find which attention heads copy names from earlier in a sentence. I am {name} of Okonkwo Interpretability Lab, write to {headsEmail}. " +
                "I would then trace the whole circuit that completes the name.");
            var chips = await ReviewPool.ApplicationAsync(db, chipsApplicant, "",
                "My project compares how countries restrict the sale of semiconductors. I ask how a treaty could check how much compute a lab used to train a model.");
            var round = await ReviewPool.RoundAsync(db, reviewsPerApplication: 1);
            (await db.ReviewRounds.SingleAsync(r => r.Id == round)).BridgingSharePercent = 0;
            await db.SaveChangesAsync();
            return new Instance(round, circuits, policy, heads, chips, headsApplicant);
        });
    }

    [Fact]
    public async Task The_statements_decide_the_assignment_where_no_keyword_is_shared()
    {
        var x = await InstanceAsync();

        var outcome = await AssignAsync(x.Round);

        Assert.Null(outcome.Refusal);
        var saved = await AssignmentsAsync(x.Round);
        Assert.Equal([(x.Heads, x.Circuits), (x.Chips, x.Policy)], saved.Select(a => (a.SubjectId, a.ReviewerId)).OrderBy(p => p.SubjectId));
        Assert.All(saved, a => Assert.InRange(a.Affinity, 0.0001, 1));
    }

    [Fact]
    public async Task Assigning_by_hand_stores_the_affinity_the_solver_stored_for_the_same_pair()
    {
        var x = await InstanceAsync();
        await AssignAsync(x.Round);
        var solved = (await AssignmentsAsync(x.Round)).Single(a => a.SubjectId == x.Heads);

        Assert.Null(await Core.RunAsync<AssignReviewersByHand, string?>(h => h.RemoveAsync(Admin, x.Round, solved.Id)));
        Assert.Null(await Core.RunAsync<AssignReviewersByHand, string?>(h => h.AddAsync(Admin, x.Round, x.Heads, x.Circuits)));
        Assert.Null(await Core.RunAsync<AssignReviewersByHand, string?>(h => h.AddAsync(Admin, x.Round, x.Heads, x.Policy)));

        var byHand = (await AssignmentsAsync(x.Round)).Where(a => a.SubjectId == x.Heads && a.Origin == AssignmentOrigin.Manual).ToList();
        Assert.Equal(solved.Affinity, byHand.Single(a => a.ReviewerId == x.Circuits).Affinity);
        Assert.True(byHand.Single(a => a.ReviewerId == x.Policy).Affinity < solved.Affinity, "the policy reviewer fits the heads statement less");
    }

    [Fact]
    public async Task The_why_sentences_quote_the_statement_as_a_blind_reviewer_reads_it()
    {
        var x = await InstanceAsync();
        var identity = await DbAsync(db => db.Users.Where(u => u.Id == x.HeadsApplicant).Select(u => new { u.DisplayName, u.Email }).SingleAsync());

        await using var scope = Core.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CohortDbContext>();
        var round = await db.ReviewRounds.Include(r => r.Assignments).SingleAsync(r => r.Id == x.Round);
        var facts = await ReviewRoundFacts.LoadAsync(db, round, null, CancellationToken.None);
        var affinities = await scope.ServiceProvider.GetRequiredService<MeasureAffinities>().OfAsync(facts, CancellationToken.None);
        var why = affinities.Why(facts.Reviewers.Single(r => r.Profile.UserId == x.Circuits), facts.Subjects.Single(s => s.Id == x.Heads), count: 10);

        var quoted = why.Select(p => p.ItemSentence).ToList();
        Assert.Contains(quoted, s => s.Contains("attention heads", StringComparison.Ordinal));
        Assert.Contains(quoted, s => s.Contains(BlindRedaction.NameHidden, StringComparison.Ordinal));
        Assert.All(quoted, s =>
        {
            Assert.DoesNotContain(identity.DisplayName, s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(identity.Email!, s, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Okonkwo", s, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_round_whose_sentences_still_wait_for_the_background_job_is_not_assigned_and_the_request_embeds_nothing()
    {
        var x = await InstanceAsync();
        // More sentences than a request embeds itself, none embedded: statements of SentenceSplitter.MostSentences each.
        int statements = MeasureAffinities.MostEmbeddedInline / SentenceSplitter.MostSentences + 1;
        for (int i = 0; i < statements; i++)
        {
            var applicant = await DbAsync(db => ReviewPool.PersonAsync(db, $"long-{Guid.NewGuid():N}@example.org"));
            var sentences = Enumerable.Range(1, SentenceSplitter.MostSentences).Select(n => $"Finding {n} of study {Guid.NewGuid():N} concerns attention heads.");
            await DbAsync(db => ReviewPool.ApplicationAsync(db, applicant, "", string.Join(" ", sentences)));
        }

        var stored = await DbAsync(db => db.Set<TextEmbedding>().CountAsync());

        var outcome = await AssignAsync(x.Round);

        var waiting = System.Text.RegularExpressions.Regex.Match(outcome.Refusal ?? "", "^([0-9]+) sentences .* are not embedded yet");
        Assert.True(waiting.Success, outcome.Refusal);
        Assert.InRange(int.Parse(waiting.Groups[1].Value), statements * SentenceSplitter.MostSentences, int.MaxValue);
        Assert.Empty(await AssignmentsAsync(x.Round));
        Assert.Equal(stored, await DbAsync(db => db.Set<TextEmbedding>().CountAsync()));
    }

    [Fact]
    public async Task A_stream_round_whose_answers_no_job_embeds_ahead_is_assigned_however_many_sentences_wait()
    {
        var x = await InstanceAsync();
        var (round, subjects) = await DbAsync(async db =>
        {
            var streams = await db.Streams.Where(s => s.Track!.Season!.IsCurrent).Select(s => s.Id).ToListAsync();
            var question = (await StreamQuestions.AskedByAsync(db, streams, CancellationToken.None)).First(q => q.Kind == QuestionKind.LongText);
            var stream = question.AskedBy.First().StreamId;
            var ids = new List<int>();
            for (int i = 0; i < MeasureAffinities.MostEmbeddedInline / SentenceSplitter.MostSentences + 1; i++)
            {
                var applicant = await ReviewPool.PersonAsync(db, $"stream-{Guid.NewGuid():N}@example.org");
                var sentences = Enumerable.Range(1, SentenceSplitter.MostSentences).Select(n => $"Attack {n} of plan {Guid.NewGuid():N} slips past a trusted monitor.");
                db.StreamAnswers.Add(new StreamAnswer { ApplicantId = applicant, QuestionId = question.Id, Value = string.Join(" ", sentences), UpdatedAt = DateTime.UtcNow });
                var application = new StreamApplication { StreamId = stream, ApplicantId = applicant, State = ApplicationState.Submitted, SubmittedAt = DateTime.UtcNow };
                db.StreamApplications.Add(application);
                await db.SaveChangesAsync();
                ids.Add(application.Id);
            }

            var round = await SubmittedReviews.RoundAsync(db, StageKind.Streams, ReviewRoundState.Draft, $"Stream read {Guid.NewGuid():N}", stream);
            round.ReviewsPerApplication = 1;
            round.BridgingSharePercent = 0;
            await db.SaveChangesAsync();
            return (round.Id, ids);
        });
        await DbAsync(async db =>
        {
            foreach (var profile in await db.ReviewerProfiles.Where(p => p.UserId == x.Circuits || p.UserId == x.Policy).ToListAsync())
            {
                profile.MaxLoad = subjects.Count;
            }

            return await db.SaveChangesAsync();
        });

        var outcome = await AssignAsync(round);

        Assert.Null(outcome.Refusal);
        Assert.Equal(subjects.Order(), (await AssignmentsAsync(round)).Select(a => a.SubjectId).Order());
    }
}

public sealed class BlendedAffinityOnSqlite(SqliteCore core) : BlendedAffinityTests(core), IClassFixture<SqliteCore>;

public sealed class BlendedAffinityOnPostgres(PostgresCore core) : BlendedAffinityTests(core), IClassFixture<PostgresCore>;
