namespace Cohort.Core.Review;

/// <summary>One review's overall score (0–10) of one subject by one reviewer.</summary>
public sealed record ReviewScore(int Subject, string Reviewer, double Score);

/// <summary>What calibration says about one subject.</summary>
/// <param name="RawMean">The plain mean of its reviews.</param>
/// <param name="Calibrated">The score an average reviewer would give it: its component's mean, its topic's effect and its own effect.</param>
/// <param name="StandardError">How far <see cref="Calibrated"/> may be off, one standard error, from the fitted variances (see <see cref="Calibration"/>).</param>
/// <param name="Spread">Max − min of its reviews once each reviewer's leniency is taken out; 0 with one review.</param>
public sealed record SubjectScore(int Subject, double RawMean, double Calibrated, double StandardError, int ReviewCount, double Spread)
{
    /// <summary>The reviewers disagree more than <see cref="Calibration.DisagreementThreshold"/> points once their leniency is taken out.</summary>
    public bool Disagreement => Spread > Calibration.DisagreementThreshold;
}

/// <summary>
/// The variances the fit estimated from the reviews by restricted maximum likelihood, on the score's scale (points²).
/// <see cref="Topic"/> is null when no component holds two topics, so there is no topic effect to estimate.
/// </summary>
public sealed record VarianceComponents(double Applicant, double Reviewer, double? Topic, double Residual)
{
    public static readonly VarianceComponents None = new(0, 0, null, 0);
}

/// <summary>
/// The fit: each subject's scores, each reviewer's leniency (positive: scores higher than average) and its standard
/// error (see <see cref="Calibration"/>), the variances it used, and what the reviews can and cannot tell
/// (<see cref="CalibrationDiagnostics"/>).
/// </summary>
public sealed record CalibrationResult(
    IReadOnlyDictionary<int, SubjectScore> Subjects,
    IReadOnlyDictionary<string, double> Leniency,
    IReadOnlyDictionary<string, double> LeniencyStandardError,
    VarianceComponents Variances,
    CalibrationDiagnostics Diagnostics)
{
    public static readonly CalibrationResult Empty = new(new Dictionary<int, SubjectScore>(), new Dictionary<string, double>(),
        new Dictionary<string, double>(), VarianceComponents.None, CalibrationDiagnostics.None);
}

/// <summary>
/// How far the reviews can compare subjects. <see cref="Components"/>: the groups of subjects and reviewers linked by
/// reviews (calibration compares subjects within a component only). <see cref="BridgingShare"/>: of the reviews of
/// subjects with a topic, the share whose topic is not the reviewer's main one; null without two topics.
/// <see cref="Topics"/>: each topic's effect as the reviews alone measure it. <see cref="Warnings"/>: sentences for
/// the admin when a comparison rests on too little.
/// </summary>
public sealed record CalibrationDiagnostics(
    IReadOnlyList<ReviewComponent> Components,
    double? BridgingShare,
    IReadOnlyList<TopicEffect> Topics,
    IReadOnlyList<string> Warnings)
{
    public static readonly CalibrationDiagnostics None = new([], null, [], []);
}

/// <summary>A connected component of the reviewer–subject graph: what one review links, transitively.</summary>
public sealed record ReviewComponent(int Subjects, int Reviewers, int Reviews);

/// <summary>
/// One topic as the reviews measure it. <see cref="Effect"/>: how far its subjects stand above (or below) the average
/// of the topics of its component once leniency is taken out, estimated from the reviews alone (no shrinkage toward
/// equal topics); <see cref="StandardError"/>: how well the reviews pin that down. Both null for a topic alone in its
/// component, which no review compares with another topic.
/// </summary>
public sealed record TopicEffect(string Topic, int Component, int Subjects, int Reviews, double RawMean, double? Effect, double? StandardError)
{
    /// <summary>Topics alone in their component: their difference from the others is left as the raw means say.</summary>
    public bool Compared => StandardError is not null;
}
