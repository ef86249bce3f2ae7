namespace AiWorkload.Catalog.Idempotency;

/// <summary>
/// The stored answer to a request made with an Idempotency-Key: a retry with the same key and the same request gets the
/// same response; the same key with a different request is a conflict.
/// </summary>
public sealed record IdempotentResponse(string Key, string RequestHash, int StatusCode, string? Location, string Body, DateTimeOffset CreatedAt);
