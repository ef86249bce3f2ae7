namespace AiWorkload.Ingestion.Retraining;

public sealed record RetrainRequest(string? Reason = null);
