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
        if (prediction.Label is null)
        {
            return new PredictedValue(null, prediction.Value, null);
        }

        // Built once per request on the predict path, so sized up front instead of grown through LINQ.
        var labels = model.ClassLabels;
        var probabilities = new Dictionary<string, double>(labels.Count, StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            probabilities.Add(labels[i], prediction.Probabilities[i]);
        }

        return new PredictedValue(prediction.Label, null, probabilities);
    }
}
