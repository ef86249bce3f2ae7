using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiWorkload.Training.Inference;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PredictRequest))]
[JsonSerializable(typeof(PredictResponse))]
internal sealed partial class InferenceJsonContext : JsonSerializerContext;
