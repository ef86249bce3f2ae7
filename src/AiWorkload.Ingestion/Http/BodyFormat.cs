namespace AiWorkload.Ingestion.Http;

/// <summary>What a request body is, by its Content-Type; <see cref="None"/> when the header is absent.</summary>
internal enum BodyFormat
{
    None,
    Json,
    Csv,
    Unsupported,
}
