namespace Cohort.Core.Imports;

public enum TargetKind
{
    Ignore,
    Email,
    Name,
    SubmittedAt,
    Question,
}

/// <summary>
/// Where one column of an applicant file goes: the applicant's email or name, the time they submitted, the answer to
/// one question of the general application (by its key), or nowhere. Written as in a mapping:
/// <c>email</c>, <c>name</c>, <c>submittedAt</c>, <c>question:KEY</c>, <c>ignore</c>.
/// </summary>
public sealed record ImportTarget(TargetKind Kind, string? QuestionKey = null)
{
    public const string QuestionPrefix = "question:";

    public static ImportTarget Ignore { get; } = new(TargetKind.Ignore);
    public static ImportTarget Email { get; } = new(TargetKind.Email);
    public static ImportTarget Name { get; } = new(TargetKind.Name);
    public static ImportTarget SubmittedAt { get; } = new(TargetKind.SubmittedAt);

    public static string Choices => $"email, name, submittedAt, {QuestionPrefix}KEY or ignore";

    public static ImportTarget? Parse(string text)
    {
        var value = text.Trim();
        if (value.StartsWith(QuestionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var key = value[QuestionPrefix.Length..].Trim();
            return key.Length > 0 ? new ImportTarget(TargetKind.Question, key) : null;
        }

        return value.ToLowerInvariant() switch
        {
            "email" => Email,
            "name" => Name,
            "submittedat" => SubmittedAt,
            "ignore" => Ignore,
            _ => null,
        };
    }

    public override string ToString() => Kind switch
    {
        TargetKind.Question => QuestionPrefix + QuestionKey,
        TargetKind.SubmittedAt => "submittedAt",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
