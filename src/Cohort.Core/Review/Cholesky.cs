namespace Cohort.Core.Review;

/// <summary>
/// L·L′ of a symmetric positive definite matrix. Calibration's penalties keep its Schur complement so: every
/// reviewer and topic column carries a positive penalty, and every component column the reviews of its component.
/// </summary>
internal sealed class Cholesky
{
    private readonly double[,] _lower;
    private readonly int _size;

    public Cholesky(double[,] matrix)
    {
        _size = matrix.GetLength(0);
        _lower = new double[_size, _size];
        for (var i = 0; i < _size; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= _lower[i, k] * _lower[j, k];
                }

                _lower[i, j] = i == j ? Math.Sqrt(Math.Max(sum, double.Epsilon)) : sum / _lower[j, j];
            }
        }
    }

    /// <summary>log |matrix|, which the restricted likelihood needs.</summary>
    public double LogDeterminant()
    {
        var sum = 0.0;
        for (var i = 0; i < _size; i++)
        {
            sum += Math.Log(_lower[i, i]);
        }

        return 2 * sum;
    }

    public double[] Solve(double[] b)
    {
        var y = new double[_size];
        for (var i = 0; i < _size; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= _lower[i, k] * y[k];
            }

            y[i] = sum / _lower[i, i];
        }

        var x = new double[_size];
        for (var i = _size - 1; i >= 0; i--)
        {
            var sum = y[i];
            for (var k = i + 1; k < _size; k++)
            {
                sum -= _lower[k, i] * x[k];
            }

            x[i] = sum / _lower[i, i];
        }

        return x;
    }

    public double[,] Inverse()
    {
        var inverse = new double[_size, _size];
        for (var c = 0; c < _size; c++)
        {
            var unit = new double[_size];
            unit[c] = 1;
            var column = Solve(unit);
            for (var r = 0; r < _size; r++)
            {
                inverse[r, c] = column[r];
            }
        }

        return inverse;
    }
}
