using Cohort.Core.Applications;
using Cohort.Core.Data;

namespace Cohort.Core.Extensions;

/// <summary>
/// A fellow's application to an extension round, with the amount of the round's budget it asks for. Its state uses the
/// pipeline's words: <see cref="ApplicationState.Advanced"/> is an accepted extension.
/// </summary>
public class ExtensionApplication : IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int FellowshipId { get; set; }
    public ApplicationState State { get; set; }

    /// <summary>What the fellow asks of the round's budget, in its currency.</summary>
    public int RequestedAmount { get; set; }

    public DateTime? SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<ExtensionAnswer> Answers { get; } = [];
    public List<ExtensionEndorsement> Endorsements { get; } = [];
}

/// <summary>The answer to one question of the round's form; a file answer points at a stored file.</summary>
public class ExtensionAnswer
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int QuestionId { get; set; }
    public string Value { get; set; } = "";
    public int? FileId { get; set; }
}
