using System.Text.Json;
using System.Text.Json.Serialization;
using AiWorkload.Orchestration.Messages;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration;

/// <summary>Source-generated JSON for run documents, the orchestrator's own messages and the API; enums as their names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PipelineRun))]
[JsonSerializable(typeof(PipelineDefinition))]
[JsonSerializable(typeof(IReadOnlyList<PipelineDefinition>))]
[JsonSerializable(typeof(RunTimer))]
[JsonSerializable(typeof(ScheduleTick))]
[JsonSerializable(typeof(Page<RunSummary>))]
[JsonSerializable(typeof(Page<PolicyDecision>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<IReadOnlyDictionary<string, string>>))]
internal sealed partial class OrchestrationJsonContext : JsonSerializerContext;
