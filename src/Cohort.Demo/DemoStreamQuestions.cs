using Cohort.Core.Applications;
using Cohort.Core.Data;
using Cohort.Core.FollowUps;
using Cohort.Core.StreamApplications;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

/// <summary>
/// The demo season's stage 3: questions shared by every stream, a few asked by one stream only, and interview
/// slots and a work test for the coalition stream, so a newcomer sees each kind of follow-up.
/// </summary>
internal static class DemoStreamQuestions
{
    public const string CoalitionSlug = "control-coalition";

    public static async Task SeedAsync(CohortDbContext db, int seasonId, CancellationToken cancellation)
    {
        var streams = await db.Streams.Where(s => s.Track!.SeasonId == seasonId).OrderBy(s => s.Id).ToListAsync(cancellation);
        var everyStream = streams.Select(s => s.Id).ToArray();
        int[] Only(string slug) => streams.Where(s => s.Slug == slug).Select(s => s.Id).ToArray();

        db.StreamQuestions.AddRange(
            Ask(seasonId, 0, "surprising-result", "Describe a research result you found surprising, and what it changed in how you work.", QuestionKind.LongText, everyStream, required: true, maxWords: 250),
            Ask(seasonId, 1, "weekly-hours", "How many hours a week can you give the fellowship?", QuestionKind.SingleChoice, everyStream, required: true, choices: "Fewer than 20\n20 to 30\n30 to 40\nMore than 40"),
            Ask(seasonId, 2, "protocol-attack", "Pick a monitoring protocol you know and say how you would try to get past it.", QuestionKind.LongText, Only(CoalitionSlug), required: true, maxWords: 300),
            Ask(seasonId, 3, "own-pitch", "If you would like to pitch your own project, describe it in a paragraph.", QuestionKind.LongText, Only(CoalitionSlug), maxWords: 200),
            Ask(seasonId, 4, "probe-repository", "A link to code in which you trained or analysed a probe, if you have one.", QuestionKind.Url, Only("model-internals"), identity: IdentityFlag.Link));

        var coalition = streams.Single(s => s.Slug == CoalitionSlug);
        var streamsStage = await StreamsStage.WindowAsync(db, coalition.TrackId, cancellation)
            ?? throw new InvalidOperationException("The demo season has no stage 3.");
        var firstDay = streamsStage.ClosesAt.Date.AddDays(-7).AddHours(14);
        db.InterviewSlots.AddRange(Enumerable.Range(0, 3).Select(i => new InterviewSlot
        {
            StreamId = coalition.Id, StartsAt = firstDay.AddDays(i), Minutes = 45, Location = "Video call; the link arrives with the invite",
        }));
        db.WorkTests.Add(new WorkTest
        {
            StreamId = coalition.Id,
            DueAt = streamsStage.ClosesAt.AddDays(7),
            InstructionsMarkdown = "Take about four hours. Build a tiny trusted-monitoring setup with any small open model, " +
                "measure how often it flags a planted backdoor, and write up what you would try next. Hand in a link to a repository or a PDF.",
        });
        await db.SaveChangesAsync(cancellation);
    }

    private static StreamQuestion Ask(int seasonId, int position, string key, string prompt, QuestionKind kind, int[] streamIds,
        bool required = false, int maxWords = 0, string choices = "", IdentityFlag identity = IdentityFlag.None)
    {
        var question = new StreamQuestion
        {
            SeasonId = seasonId, Position = position, Key = key, Prompt = prompt, Kind = kind, Required = required, MaxWords = maxWords, ChoicesText = choices, Identity = identity,
        };
        question.AskedBy.AddRange(streamIds.Select(id => new StreamQuestionAsker { StreamId = id }));
        return question;
    }
}
