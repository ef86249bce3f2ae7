namespace AiWorkload.Ingestion.Http;

/// <summary>Marks an endpoint that honours the Idempotency-Key header, so the OpenAPI document can describe it.</summary>
internal sealed record IdempotencyKeyMetadata(bool Required);
