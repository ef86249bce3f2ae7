namespace AiWorkload.Ingestion.Runs;

public sealed record StartRunRequest(string? ModelId = null, IReadOnlyDictionary<string, string>? Parameters = null);
