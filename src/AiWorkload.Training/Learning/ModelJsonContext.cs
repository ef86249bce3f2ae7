using System.Text.Json.Serialization;

namespace AiWorkload.Training.Learning;

/// <summary>Source-generated serializer for model artifacts: no reflection, so it stays trimming and AOT friendly.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ModelDocument))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
