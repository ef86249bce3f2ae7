namespace AiWorkload.Training.Learning;

/// <summary>
/// Adam update (Kingma &amp; Ba). Per-parameter step sizes make one learning rate work across datasets,
/// which plain gradient descent does not; the state is plain arrays, so runs stay deterministic.
/// </summary>
internal sealed class AdamOptimizer(int parameterCount, double learningRate)
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly double[] firstMoment = new double[parameterCount];
    private readonly double[] secondMoment = new double[parameterCount];
    private int steps;

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        steps++;
        var stepSize = learningRate * Math.Sqrt(1 - Math.Pow(Beta2, steps)) / (1 - Math.Pow(Beta1, steps));
        for (var i = 0; i < parameters.Length; i++)
        {
            var g = gradient[i];
            firstMoment[i] = (Beta1 * firstMoment[i]) + ((1 - Beta1) * g);
            secondMoment[i] = (Beta2 * secondMoment[i]) + ((1 - Beta2) * g * g);
            parameters[i] -= stepSize * firstMoment[i] / (Math.Sqrt(secondMoment[i]) + Epsilon);
        }
    }
}
