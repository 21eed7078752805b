using Cohort.Core.Catalogue;
using Cohort.Core.Review;

namespace Cohort.Demo;

/// <summary>The demo season's rubric for reading general applications: three criteria with anchors, and their weights.</summary>
internal static class DemoRubric
{
    public static Rubric For(Season season)
    {
        var rubric = new Rubric
        {
            SeasonId = season.Id, Name = "General application",
            InstructionsMarkdown = "Score what the application shows, not what the applicant might become. Read the motivation first, then the linked work.",
        };
        rubric.Criteria.AddRange(
        [
            Criterion(0, "Research taste", "Picks questions whose answers would change what people do.", 0.5,
                "1: restates a popular topic without a question\n3: a real question, loosely tied to risk\n5: a sharp question whose answer would change a decision"),
            Criterion(1, "Technical implementation", "Has built and measured things, and says what went wrong.", 0.35,
                "1: no evidence of hands-on work\n3: working code or experiments, thinly reported\n5: careful experiments with controls and honest limits"),
            Criterion(2, "Communication", "Writes plainly and precisely.", 0.15,
                "1: hard to follow\n3: clear enough\n5: precise, brief and easy to check"),
        ]);
        return rubric;
    }

    private static RubricCriterion Criterion(int position, string name, string description, double weight, string anchors) => new()
    {
        Position = position, Name = name, Description = description, Weight = weight, ScaleMin = 1, ScaleMax = 5, AnchorsText = anchors,
    };
}
