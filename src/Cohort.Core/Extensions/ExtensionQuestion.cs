using Cohort.Core.Applications;

namespace Cohort.Core.Extensions;

/// <summary>One question of an extension round's form, asked and checked like the other stages' (<see cref="AnswerRules"/>).</summary>
public class ExtensionQuestion : QuestionDefinition
{
    public int RoundId { get; set; }
}
