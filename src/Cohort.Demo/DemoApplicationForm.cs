using Cohort.Core.Applications;
using Cohort.Core.Catalogue;

namespace Cohort.Demo;

/// <summary>
/// The demo season's general application (stage 1): the questions a fellowship like ours asks everyone, each flagged
/// with what it says about who the applicant is, so blind review hides the right answers.
/// </summary>
internal static class DemoApplicationForm
{
    /// <summary>The form is open exactly in stage 1's published window, so the public dates say what the form does.</summary>
    public static ApplicationForm For(Season season, Stage generalStage) => new()
    {
        SeasonId = season.Id,
        Kind = FormKind.General,
        Title = "General application",
        IntroMarkdown = "Tell us who you are and what draws you to this work. It takes most people about an hour; " +
            "your answers are saved as you type, so you can stop and come back.",
        OpensAt = generalStage.OpensAt,
        ClosesAt = generalStage.ClosesAt,
        GraceMinutes = 15,
        Questions =
        {
            Ask(0, "full-name", "Full name", QuestionKind.ShortText, required: true, identity: IdentityFlag.Name),
            Ask(1, "date-of-birth", "Date of birth", QuestionKind.Date, required: true,
                help: $"Only used to check that you will be {season.MinimumAge} or older when the programme starts.", identity: IdentityFlag.DateOfBirth),
            Ask(2, "location", "Where will you be based during the programme?", QuestionKind.ShortText, required: true),
            Ask(3, "current-role", "What best describes you now?", QuestionKind.SingleChoice, required: true,
                choices: "Student\nIn industry\nIn academia\nIndependent researcher\nSomething else"),
            Ask(4, "interests", "Which research areas interest you?", QuestionKind.MultipleChoice, required: true,
                choices: string.Join('\n', new[] { "AI control", "Interpretability", "Evaluations", "Security", "Red-teaming", "Scalable oversight", "Unlearning & steering", "Model organisms" }),
                definesTopic: true),
            Ask(5, "motivation", "Why do you want to do AI safety research, and why now?", QuestionKind.LongText, required: true, maxWords: 300, researchStatement: true),
            Ask(6, "best-work", "A link to work you are proud of (a repository, paper or post)", QuestionKind.Url, identity: IdentityFlag.Link),
            Ask(7, "cv", "Your CV", QuestionKind.File, required: true, help: "A PDF of at most 5 MB."),
            Ask(8, "organisation", "Your university or employer, if any", QuestionKind.ShortText,
                help: "Only used so that nobody from the same organisation reviews your application.", identity: IdentityFlag.Organisation),
        },
    };

    private static Question Ask(int position, string key, string prompt, QuestionKind kind, bool required = false,
        string help = "", int maxWords = 0, string choices = "", IdentityFlag identity = IdentityFlag.None, bool definesTopic = false, bool researchStatement = false) => new()
    {
        Position = position, Key = key, Prompt = prompt, Kind = kind, Required = required,
        Help = help, MaxWords = maxWords, ChoicesText = choices, Identity = identity, DefinesTopic = definesTopic, IsResearchStatement = researchStatement,
    };
}
