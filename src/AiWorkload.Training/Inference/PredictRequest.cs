using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiWorkload.Training.Inference;

/// <summary>The body of a prediction: feature names to numbers. Values stay raw JSON so a non-number is reported by name.</summary>
public sealed record PredictRequest(
    [property: JsonConverter(typeof(FeaturesJsonConverter))] IReadOnlyDictionary<string, JsonElement>? Features);
