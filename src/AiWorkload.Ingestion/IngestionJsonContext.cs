using System.Text.Json;
using System.Text.Json.Serialization;
using AiWorkload.Ingestion.Datasets;
using AiWorkload.Ingestion.Metrics;
using AiWorkload.Ingestion.Models;
using AiWorkload.Ingestion.Retraining;

namespace AiWorkload.Ingestion;

/// <summary>
/// The API's JSON, source-generated. Unknown request fields are errors (a misspelt "primaryMetirc" must not silently
/// become the default), and stored responses are written by it so a replay is byte for byte the original.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RegisterModelRequest))]
[JsonSerializable(typeof(ModelResponse))]
[JsonSerializable(typeof(IReadOnlyList<ModelResponse>))]
[JsonSerializable(typeof(IReadOnlyList<ModelVersionResponse>))]
[JsonSerializable(typeof(DatasetResponse))]
[JsonSerializable(typeof(IReadOnlyList<DatasetResponse>))]
[JsonSerializable(typeof(BatchResponse))]
[JsonSerializable(typeof(ReportMetricsRequest))]
[JsonSerializable(typeof(MetricsAccepted))]
[JsonSerializable(typeof(RetrainRequest))]
[JsonSerializable(typeof(RetrainingAccepted))]
[JsonSerializable(typeof(RetrainingStatus))]
internal sealed partial class IngestionJsonContext : JsonSerializerContext;
