using AiWorkload.Ingestion.Models;

namespace AiWorkload.Ingestion.Retraining;

/// <summary><see cref="Status"/> is <c>queued</c> until the retraining service records a version for the request, then <c>trained</c>.</summary>
public sealed record RetrainingStatus(string RequestId, string ModelId, string Status, ModelVersionResponse? Version);
