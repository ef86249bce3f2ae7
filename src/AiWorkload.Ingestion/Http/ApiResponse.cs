namespace AiWorkload.Ingestion.Http;

/// <summary>A successful answer as it is stored for idempotent replay: status, Location and the JSON body, byte for byte.</summary>
internal sealed record ApiResponse(int StatusCode, string? Location, string Body);
