using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiWorkload.Orchestration.Api;

/// <summary>The start-run request and answer; unknown request fields are refused so a typo is not silently ignored.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartRunRequest))]
[JsonSerializable(typeof(RunAccepted))]
internal sealed partial class OrchestrationApiJsonContext : JsonSerializerContext;
