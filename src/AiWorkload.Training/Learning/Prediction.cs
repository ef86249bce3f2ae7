namespace AiWorkload.Training.Learning;

/// <summary>
/// One model output. Regression sets <see cref="Value"/>; classification sets <see cref="Label"/>,
/// <see cref="ClassIndex"/> and <see cref="Probabilities"/> (ordered like the model's class labels).
/// </summary>
public sealed record Prediction
{
    public double? Value { get; init; }

    public string? Label { get; init; }

    public int? ClassIndex { get; init; }

    public IReadOnlyList<double> Probabilities { get; init; } = [];

    public static Prediction ForRegression(double value) => new() { Value = value };

    public static Prediction ForClass(int classIndex, string label, IReadOnlyList<double> probabilities) =>
        new() { ClassIndex = classIndex, Label = label, Probabilities = probabilities };
}
