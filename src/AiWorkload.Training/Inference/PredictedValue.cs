using System.Text.Json.Serialization;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Inference;

/// <summary>Classification: the label and each class's probability. Regression: the value.</summary>
public sealed record PredictedValue(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Probabilities)
{
    public static PredictedValue From(Prediction prediction, TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(model);
        return prediction.Label is null
            ? new PredictedValue(null, prediction.Value, null)
            : new PredictedValue(prediction.Label, null, model.ClassLabels.Select((label, i) => (label, p: prediction.Probabilities[i])).ToDictionary(x => x.label, x => x.p, StringComparer.Ordinal));
    }
}
