using System.Text.Json.Serialization;

namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(TrainingRequested))]
[JsonSerializable(typeof(RetrainModel))]
[JsonSerializable(typeof(StartPipelineRun))]
[JsonSerializable(typeof(Unkeyed))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
