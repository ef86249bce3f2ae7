using AiWorkload.Ingestion.Models;

namespace AiWorkload.Ingestion.Retraining;

/// <summary>
/// <see cref="Status"/> is one of <see cref="RetrainingStates"/>; <see cref="Failure"/> says why when it is <c>failed</c>.
/// </summary>
public sealed record RetrainingStatus(string RequestId, string ModelId, string Status, ModelVersionResponse? Version, RetrainingFailure? Failure = null);
