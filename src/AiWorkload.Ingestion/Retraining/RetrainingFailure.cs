namespace AiWorkload.Ingestion.Retraining;

/// <summary>Why a retraining job gave up: <see cref="Reason"/> is the training service's code (InsufficientData, SchemaMismatch, …).</summary>
public sealed record RetrainingFailure(string Reason, string Detail, DateTimeOffset FailedAt);
