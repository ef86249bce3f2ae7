using System.Text.Json;
using System.Text.Json.Serialization;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;

namespace AiWorkload.Contracts;

/// <summary>Source-generated JSON for every workload message: no reflection on the hot path, and trimming-safe.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RetrainModel))]
[JsonSerializable(typeof(StartPipelineRun))]
[JsonSerializable(typeof(ModelRegistered))]
[JsonSerializable(typeof(DataIngested))]
[JsonSerializable(typeof(ModelMetricsReported))]
[JsonSerializable(typeof(RetrainingRequested))]
[JsonSerializable(typeof(TrainingStarted))]
[JsonSerializable(typeof(ModelTrained))]
[JsonSerializable(typeof(TrainingFailed))]
[JsonSerializable(typeof(ModelPromoted))]
[JsonSerializable(typeof(ModelRejected))]
[JsonSerializable(typeof(PipelineRunChanged))]
[JsonSerializable(typeof(PipelineNotification))]
public sealed partial class WorkloadJsonContext : JsonSerializerContext;
