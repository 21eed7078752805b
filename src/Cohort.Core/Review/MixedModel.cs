namespace Cohort.Core.Review;

/// <summary>
/// The linear mixed model score = m(component) + t(topic) + a(subject) + r(reviewer) + e, solved through Henderson's
/// mixed-model equations for given variance ratios γ = variance / residual variance of a, r and t. The subject block
/// of the equations is diagonal, so the subjects are eliminated and the dense Schur complement (components + reviewers
/// + topics) is factored by Cholesky: O(reviews + dense³) per solve.
/// </summary>
internal sealed class MixedModel
{
    private readonly CalibrationDesign _design;
    private readonly double[,] _cross;
    private readonly double[] _right;
    private readonly double _sumOfSquares;

    public MixedModel(CalibrationDesign design)
    {
        _design = design;
        var size = design.DenseSize;
        (_cross, _right) = (new double[size, size], new double[size]);
        foreach (var (subject, reviewer, score) in design.Reviews)
        {
            var columns = design.BaseColumns(subject).Append(design.ReviewerColumn(reviewer)).ToArray();
            foreach (var p in columns)
            {
                _right[p] += score;
                foreach (var q in columns)
                {
                    _cross[p, q]++;
                }
            }

            _sumOfSquares += score * score;
        }
    }

    /// <summary>The estimates for one set of ratios, with what the likelihood and the standard errors need.</summary>
    public sealed record Solution(double[] Dense, double[] SubjectEffects, double[] Diagonal, Cholesky Factor, double LogDeterminant, double ResidualQuadratic);

    /// <param name="applicant">γ of the applicant effects.</param>
    /// <param name="reviewer">γ of the reviewer effects.</param>
    /// <param name="topic">γ of the topic effects (ignored without any).</param>
    public Solution Solve(double applicant, double reviewer, double topic)
    {
        var size = _design.DenseSize;
        var schur = (double[,])_cross.Clone();
        var right = (double[])_right.Clone();
        for (var j = _design.ComponentCount; j < size; j++)
        {
            schur[j, j] += j < _design.ComponentCount + _design.ReviewerIds.Length ? 1 / reviewer : 1 / topic;
        }

        var diagonal = new double[_design.SubjectIds.Length];
        var logDeterminant = 0.0;
        for (var s = 0; s < diagonal.Length; s++)
        {
            var (columns, values) = _design.Couplings[s];
            diagonal[s] = _design.SubjectCount[s] + 1 / applicant;
            logDeterminant += Math.Log(diagonal[s]);
            for (var p = 0; p < columns.Length; p++)
            {
                right[columns[p]] -= values[p] * _design.SubjectSum[s] / diagonal[s];
                for (var q = 0; q < columns.Length; q++)
                {
                    schur[columns[p], columns[q]] -= values[p] * values[q] / diagonal[s];
                }
            }
        }

        var factor = new Cholesky(schur);
        var dense = factor.Solve(right);
        var effects = new double[diagonal.Length];
        var quadratic = _sumOfSquares;
        for (var j = 0; j < size; j++)
        {
            quadratic -= dense[j] * _right[j];
        }

        for (var s = 0; s < effects.Length; s++)
        {
            var (columns, values) = _design.Couplings[s];
            var fitted = 0.0;
            for (var p = 0; p < columns.Length; p++)
            {
                fitted += values[p] * dense[columns[p]];
            }

            effects[s] = (_design.SubjectSum[s] - fitted) / diagonal[s];
            quadratic -= effects[s] * _design.SubjectSum[s];
        }

        return new Solution(dense, effects, diagonal, factor, logDeterminant + factor.LogDeterminant(), Math.Max(quadratic, 0));
    }

    /// <summary>
    /// −2 × the restricted log-likelihood with the residual variance profiled out, for log ratios
    /// <paramref name="logRatios"/> (applicant, reviewer[, topic]): (n − p)·log σ̂² + log|C| + Σ q·log γ, where C is the
    /// mixed-model matrix, q the number of effects of each kind and σ̂² = y′Py / (n − p).
    /// </summary>
    public double RestrictedDeviance(double[] logRatios)
    {
        var (applicant, reviewer, topic) = Ratios(logRatios);
        var solution = Solve(applicant, reviewer, topic);
        var freedom = FreeObservations;
        return freedom * Math.Log(Math.Max(solution.ResidualQuadratic / freedom, 1e-12)) + solution.LogDeterminant
            + _design.SubjectIds.Length * Math.Log(applicant) + _design.ReviewerIds.Length * Math.Log(reviewer)
            + _design.TopicEffects * Math.Log(topic);
    }

    /// <summary>Reviews less the fixed means, at least 1, so that one review per subject still gives a variance.</summary>
    public double FreeObservations => Math.Max(_design.Reviews.Length - _design.ComponentCount, 1);

    /// <summary>Log ratios are kept within ±<see cref="LogRatioBound"/>: a variance e⁻⁹ of the residual's is none to speak of.</summary>
    public const double LogRatioBound = 9;

    public (double Applicant, double Reviewer, double Topic) Ratios(double[] logRatios)
    {
        double Ratio(int i) => i < logRatios.Length ? Math.Exp(Math.Clamp(logRatios[i], -LogRatioBound, LogRatioBound)) : 1;
        return (Ratio(0), Ratio(1), Ratio(2));
    }
}
