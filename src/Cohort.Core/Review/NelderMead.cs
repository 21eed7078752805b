namespace Cohort.Core.Review;

/// <summary>
/// Minimises a smooth function of a few variables without derivatives (Nelder and Mead's simplex, with the usual
/// coefficients). Calibration uses it on the two or three log variance ratios of its restricted likelihood, where
/// each evaluation is one Cholesky factorisation and derivatives would cost a matrix inverse each.
/// </summary>
internal static class NelderMead
{
    public static double[] Minimise(Func<double[], double> function, double[] start, double step, double tolerance, int maxEvaluations)
    {
        var n = start.Length;
        var points = new double[n + 1][];
        var values = new double[n + 1];
        for (var i = 0; i <= n; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
            {
                points[i][i - 1] += step;
            }

            values[i] = function(points[i]);
        }

        var evaluations = n + 1;
        while (evaluations < maxEvaluations)
        {
            var order = Enumerable.Range(0, n + 1).OrderBy(i => values[i]).ToArray();
            points = order.Select(i => points[i]).ToArray();
            values = order.Select(i => values[i]).ToArray();
            if (values[n] - values[0] <= tolerance * (Math.Abs(values[0]) + tolerance))
            {
                break;
            }

            var centroid = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var d = 0; d < n; d++)
                {
                    centroid[d] += points[i][d] / n;
                }
            }

            double[] Toward(double factor) => centroid.Select((c, d) => c + factor * (points[n][d] - c)).ToArray();
            var reflected = Toward(-1);
            var reflectedValue = function(reflected);
            evaluations++;
            if (reflectedValue < values[0])
            {
                var expanded = Toward(-2);
                var expandedValue = function(expanded);
                evaluations++;
                (points[n], values[n]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
            }
            else if (reflectedValue < values[n - 1])
            {
                (points[n], values[n]) = (reflected, reflectedValue);
            }
            else
            {
                var contracted = Toward(reflectedValue < values[n] ? -0.5 : 0.5);
                var contractedValue = function(contracted);
                evaluations++;
                if (contractedValue < Math.Min(reflectedValue, values[n]))
                {
                    (points[n], values[n]) = (contracted, contractedValue);
                }
                else
                {
                    for (var i = 1; i <= n; i++)
                    {
                        points[i] = points[i].Select((x, d) => points[0][d] + 0.5 * (x - points[0][d])).ToArray();
                        values[i] = function(points[i]);
                    }

                    evaluations += n;
                }
            }
        }

        return points[Enumerable.Range(0, n + 1).MinBy(i => values[i])];
    }
}
