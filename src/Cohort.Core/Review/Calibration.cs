namespace Cohort.Core.Review;

/// <summary>One review's overall score (0–10) of one subject by one reviewer.</summary>
public sealed record ReviewScore(int Subject, string Reviewer, double Score);

/// <summary>What calibration says about one subject.</summary>
/// <param name="RawMean">The plain mean of its reviews.</param>
/// <param name="Calibrated">μ + the subject's effect: the score it would get from an average reviewer.</param>
/// <param name="StandardError">How far <see cref="Calibrated"/> may be off, one standard error (see <see cref="Calibration"/>).</param>
/// <param name="Spread">Max − min of its reviews once each reviewer's leniency is taken out; 0 with one review.</param>
public sealed record SubjectScore(int Subject, double RawMean, double Calibrated, double StandardError, int ReviewCount, double Spread)
{
    /// <summary>The reviewers disagree more than <see cref="Calibration.DisagreementThreshold"/> points once their leniency is taken out.</summary>
    public bool Disagreement => Spread > Calibration.DisagreementThreshold;
}

/// <summary>The fit: each subject's scores and each reviewer's leniency (positive: scores higher than average).</summary>
public sealed record CalibrationResult(double Mean, IReadOnlyDictionary<int, SubjectScore> Subjects, IReadOnlyDictionary<string, double> Leniency)
{
    public static readonly CalibrationResult Empty = new(0, new Dictionary<int, SubjectScore>(), new Dictionary<string, double>());
}

/// <summary>
/// Corrects review scores for reviewer leniency. The model is score = μ + a(subject) + r(reviewer) + noise, fitted by
/// ridge least squares: reviewer effects are pulled toward 0 with weight <see cref="ReviewerPenalty"/>, subject
/// effects with the smaller <see cref="SubjectPenalty"/> (so one review cannot make an outlier), μ is free. The
/// normal equations are solved exactly through their block structure: the subject block is diagonal, so the subjects
/// are eliminated and the (reviewers + 1)² Schur complement is solved by Cholesky — O(reviews + reviewers³), a few
/// milliseconds for 2,500 subjects and 100 reviewers (docs/performance.md).
/// <para>
/// The standard error of μ + a(s) is σ·√(x′N⁻¹x), x picking μ and a(s), N the penalised normal matrix and σ² the
/// residual sum of squares over (reviews − subjects − reviewers − 1), at least 1. It treats σ as known and ignores
/// the ridge's bias, so it is an approximation: good for "how sure", not a confidence interval to quote.
/// </para>
/// </summary>
public static class Calibration
{
    public const double ReviewerPenalty = 1.0;
    public const double SubjectPenalty = 0.25;

    /// <summary>Points on the 0–10 scale by which a subject's leniency-adjusted reviews may differ before it is flagged.</summary>
    public const double DisagreementThreshold = 3.0;

    public static CalibrationResult Fit(IReadOnlyCollection<ReviewScore> reviews)
    {
        if (reviews.Count == 0)
        {
            return CalibrationResult.Empty;
        }

        var subjects = reviews.Select(r => r.Subject).Distinct().Order().ToArray();
        var reviewers = reviews.Select(r => r.Reviewer).Distinct().Order(StringComparer.Ordinal).ToArray();
        var subjectIndex = subjects.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var reviewerIndex = reviewers.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i + 1, StringComparer.Ordinal);
        var bySubject = reviews.GroupBy(r => subjectIndex[r.Subject]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();

        // The second block's unknowns: index 0 is μ, 1..R the reviewers.
        var size = reviewers.Length + 1;
        var schur = new double[size, size];
        var rhs = new double[size];
        foreach (var review in reviews)
        {
            var j = reviewerIndex[review.Reviewer];
            schur[0, 0]++;
            schur[0, j]++;
            schur[j, 0]++;
            schur[j, j]++;
            rhs[0] += review.Score;
            rhs[j] += review.Score;
        }

        for (var j = 1; j < size; j++)
        {
            schur[j, j] += ReviewerPenalty;
        }

        // Minus C′D⁻¹C and C′D⁻¹g, one subject at a time: its row of C has few non-zeros (μ and its reviewers).
        var rows = new (int[] Columns, double[] Values, double Diagonal, double Sum)[subjects.Length];
        for (var s = 0; s < subjects.Length; s++)
        {
            var counts = bySubject[s].GroupBy(r => reviewerIndex[r.Reviewer]).Select(g => (Column: g.Key, Count: (double)g.Count()));
            var row = counts.Prepend((Column: 0, Count: (double)bySubject[s].Length)).ToArray();
            rows[s] = (row.Select(c => c.Column).ToArray(), row.Select(c => c.Count).ToArray(), bySubject[s].Length + SubjectPenalty, bySubject[s].Sum(r => r.Score));
            var (columns, values, diagonal, sum) = rows[s];
            for (var p = 0; p < columns.Length; p++)
            {
                rhs[columns[p]] -= values[p] * sum / diagonal;
                for (var q = 0; q < columns.Length; q++)
                {
                    schur[columns[p], columns[q]] -= values[p] * values[q] / diagonal;
                }
            }
        }

        var cholesky = new Cholesky(schur);
        var second = cholesky.Solve(rhs);
        var inverse = cholesky.Inverse();
        var mean = second[0];
        var leniency = reviewers.ToDictionary(r => r, r => second[reviewerIndex[r]], StringComparer.Ordinal);
        var effects = rows.Select(row => (row.Sum - Dot(row.Columns, row.Values, second)) / row.Diagonal).ToArray();

        var residuals = reviews.Sum(r => Math.Pow(r.Score - mean - effects[subjectIndex[r.Subject]] - leniency[r.Reviewer], 2));
        var variance = residuals / Math.Max(reviews.Count - subjects.Length - reviewers.Length - 1, 1);

        var scores = new Dictionary<int, SubjectScore>(subjects.Length);
        for (var s = 0; s < subjects.Length; s++)
        {
            var (columns, values, diagonal, _) = rows[s];
            // x′N⁻¹x for x = e(μ) + e(a_s), from the block inverse: N⁻¹ of the subject block is D⁻¹ + D⁻¹CS⁻¹C′D⁻¹,
            // the cross block −D⁻¹CS⁻¹, and S⁻¹ for μ.
            double quadratic = 0, cross = 0;
            for (var p = 0; p < columns.Length; p++)
            {
                cross += values[p] * inverse[columns[p], 0];
                for (var q = 0; q < columns.Length; q++)
                {
                    quadratic += values[p] * values[q] * inverse[columns[p], columns[q]];
                }
            }

            var spreadOf = bySubject[s].Select(r => r.Score - leniency[r.Reviewer]).ToArray();
            var varianceFactor = 1 / diagonal + quadratic / (diagonal * diagonal) - 2 * cross / diagonal + inverse[0, 0];
            scores[subjects[s]] = new SubjectScore(subjects[s], bySubject[s].Average(r => r.Score), mean + effects[s],
                Math.Sqrt(variance * Math.Max(varianceFactor, 0)), bySubject[s].Length, spreadOf.Max() - spreadOf.Min());
        }

        return new CalibrationResult(mean, scores, leniency);
    }

    private static double Dot(int[] columns, double[] values, double[] vector)
    {
        var sum = 0.0;
        for (var p = 0; p < columns.Length; p++)
        {
            sum += values[p] * vector[columns[p]];
        }

        return sum;
    }

    /// <summary>L·L′ of a symmetric positive definite matrix; the ridge penalties keep the Schur complement so.</summary>
    private sealed class Cholesky
    {
        private readonly double[,] lower;
        private readonly int size;

        public Cholesky(double[,] matrix)
        {
            size = matrix.GetLength(0);
            lower = new double[size, size];
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    var sum = matrix[i, j];
                    for (var k = 0; k < j; k++)
                    {
                        sum -= lower[i, k] * lower[j, k];
                    }

                    lower[i, j] = i == j ? Math.Sqrt(sum) : sum / lower[j, j];
                }
            }
        }

        public double[] Solve(double[] b)
        {
            var y = new double[size];
            for (var i = 0; i < size; i++)
            {
                var sum = b[i];
                for (var k = 0; k < i; k++)
                {
                    sum -= lower[i, k] * y[k];
                }

                y[i] = sum / lower[i, i];
            }

            var x = new double[size];
            for (var i = size - 1; i >= 0; i--)
            {
                var sum = y[i];
                for (var k = i + 1; k < size; k++)
                {
                    sum -= lower[k, i] * x[k];
                }

                x[i] = sum / lower[i, i];
            }

            return x;
        }

        public double[,] Inverse()
        {
            var inverse = new double[size, size];
            for (var c = 0; c < size; c++)
            {
                var unit = new double[size];
                unit[c] = 1;
                var column = Solve(unit);
                for (var r = 0; r < size; r++)
                {
                    inverse[r, c] = column[r];
                }
            }

            return inverse;
        }
    }
}
