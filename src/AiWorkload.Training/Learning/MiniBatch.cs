using MathNet.Numerics.LinearAlgebra.Double;

namespace AiWorkload.Training.Learning;

/// <summary>Buffers for one mini-batch, reused every step so the inner loop allocates nothing.</summary>
internal sealed class MiniBatch(int size, int featureCount, int outputCount)
{
    public int Size => size;

    /// <summary>size × features; filled in place through <see cref="DenseMatrix.Values"/> (column-major).</summary>
    public DenseMatrix Features { get; } = new(size, featureCount);

    /// <summary>size × outputs: scores after the forward pass, then ∂loss/∂score after the backward pass.</summary>
    public DenseMatrix Scores { get; } = new(size, outputCount);

    public int[] Classes { get; } = new int[size];
}
