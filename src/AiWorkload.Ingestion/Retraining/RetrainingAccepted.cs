namespace AiWorkload.Ingestion.Retraining;

/// <summary>The job id is the request id (the Idempotency-Key): the retraining service records the version under it.</summary>
public sealed record RetrainingAccepted(string RequestId, string ModelId, string Reason, string Status, DateTimeOffset RequestedAt);
