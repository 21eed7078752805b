using Cohort.Core.Assessments;
using Cohort.Core.Catalogue;
using Cohort.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Cohort.Demo;

/// <summary>The demo season's stage 2: two assessments of the Empirical track, open during its assessment stage.</summary>
internal static class DemoAssessments
{
    public static async Task AddAsync(CohortDbContext db, string seasonSlug, CancellationToken cancellation)
    {
        var track = await db.Tracks.Include(t => t.Stages).SingleAsync(t => t.Season!.Slug == seasonSlug && t.Slug == "empirical", cancellation);
        var assessmentStage = track.Stages.Single(s => s.Kind == StageKind.Assessment);
        db.Assessments.AddRange(ResearchTaste(track.Id, assessmentStage), TechnicalImplementation(track.Id, assessmentStage));
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>An assessment open for the whole of the track's assessment stage, with a time limit from when it is opened.</summary>
    private static Assessment Timed(int trackId, Stage window, string slug, string title, int minutes, string instructions, params AssessmentItem[] items)
    {
        var assessment = new Assessment
        {
            TrackId = trackId, Slug = slug, Title = title, TimeLimitMinutes = minutes,
            OpensAt = window.OpensAt, ClosesAt = window.ClosesAt, InstructionsMarkdown = instructions,
        };
        assessment.Items.AddRange(items);
        return assessment;
    }

    private static Assessment ResearchTaste(int trackId, Stage window) => Timed(
        trackId, window, "research-taste", "Research taste", 45,
        "A short proposal follows: a team plans to detect sandbagging (a model deliberately underperforming) by " +
            "comparing its accuracy with and without a password in the prompt.\n\nYou have **45 minutes** from the moment you open the " +
            "assessment. Your answers are saved as you go; when time runs out, what you saved is handed in.",
        new AssessmentItem
        {
            Position = 0, Kind = ItemKind.MultipleChoice, Points = 2,
            Prompt = "The password-locked model scores 41% without the password and 78% with it. Which claim does this support best?",
            ChoicesText = "The model is aligned\nThe locking works on this benchmark\nSandbagging is impossible to detect\nThe benchmark is too easy",
            AnswerKey = "The locking works on this benchmark",
        },
        new AssessmentItem
        {
            Position = 1, Kind = ItemKind.Ordering, Points = 4,
            Prompt = "Put these next steps in order, from most to least informative for the team.",
            ChoicesText = "Repeat on a held-out benchmark\nTrain a bigger model\nCheck the gap across random seeds\nWrite the paper's introduction",
            AnswerKey = "Check the gap across random seeds\nRepeat on a held-out benchmark\nTrain a bigger model\nWrite the paper's introduction",
        },
        new AssessmentItem
        {
            Position = 2, Kind = ItemKind.FreeText, Points = 6,
            Prompt = "What could make the detection method look better than it is? Name the experiment that would tell you.",
            RubricText = "2 points for a real confound (e.g. the password changes the prompt's length or format); 2 for an experiment " +
                "that isolates it; 2 for saying what result would change the conclusion.",
        });

    private static Assessment TechnicalImplementation(int trackId, Stage window) => Timed(
        trackId, window, "technical-implementation", "Technical implementation", 90,
        "Two tasks on a small linear probe. Use any documentation you like; write the code you would want a " +
            "colleague to review.\n\nYou have **90 minutes** from the moment you open the assessment.",
        new AssessmentItem
        {
            Position = 0, Kind = ItemKind.Numeric, Points = 3, AnswerKey = "0.75", Tolerance = 0.005,
            Prompt = "A probe labels 200 held-out activations; 150 labels are right. What is its accuracy, as a fraction between 0 and 1?",
        },
        new AssessmentItem
        {
            Position = 1, Kind = ItemKind.Code, Points = 10,
            Prompt = "Write a Python function `train_probe(acts, labels)` that fits a logistic-regression probe and reports its held-out accuracy.",
            RubricText = "4 points for a correct train/test split without leakage; 3 for a working fit; 3 for checking the result " +
                "against a baseline (e.g. shuffled labels).",
        });
}
