namespace Cohort.Tests.Shared;

/// <summary>The demo season's general application (stage 1) as form fields, for tests that post it over HTTP.</summary>
public static class GeneralApplicationAnswers
{
    /// <summary>A valid answer to every question but the CV, each under its field name ("q.{question key}").</summary>
    public static Dictionary<string, string> Complete(string name) => new()
    {
        ["q.full-name"] = name,
        ["q.date-of-birth"] = "1998-05-17",
        ["q.location"] = "Nairobi",
        ["q.current-role"] = "Student",
        ["q.interests"] = "Evaluations",
        ["q.motivation"] = "I want to measure what models can really do.",
        ["q.best-work"] = "https://example.org/work",
    };
}
