using MathNet.Numerics.LinearAlgebra.Double;

namespace AiWorkload.Training.Learning;

/// <summary>Standardized feature matrices for the rows a trainer works on.</summary>
internal static class DesignMatrix
{
    /// <summary>Rows × features, column-major as MathNet stores it.</summary>
    public static DenseMatrix Build(TabularDataset data, IReadOnlyList<int> rows, Standardizer standardizer)
    {
        var n = rows.Count;
        var d = data.FeatureCount;
        var values = new double[n * d];
        var buffer = new double[d];
        for (var r = 0; r < n; r++)
        {
            standardizer.Transform(data.GetFeatures(rows[r]), buffer);
            for (var f = 0; f < d; f++)
            {
                values[(f * n) + r] = buffer[f];
            }
        }

        return new DenseMatrix(n, d, values);
    }

    /// <summary>Rows × features, row-major, so a mini-batch can copy whole rows picked in shuffled order.</summary>
    public static double[] BuildRowMajor(TabularDataset data, IReadOnlyList<int> rows, Standardizer standardizer)
    {
        var d = data.FeatureCount;
        var values = new double[rows.Count * d];
        for (var r = 0; r < rows.Count; r++)
        {
            standardizer.Transform(data.GetFeatures(rows[r]), values.AsSpan(r * d, d));
        }

        return values;
    }
}
