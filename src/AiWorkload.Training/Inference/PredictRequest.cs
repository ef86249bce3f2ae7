using System.Text.Json;

namespace AiWorkload.Training.Inference;

/// <summary>The body of a prediction: feature names to numbers. Values stay raw JSON so a non-number is reported by name.</summary>
public sealed record PredictRequest(IReadOnlyDictionary<string, JsonElement>? Features);
