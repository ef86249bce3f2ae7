namespace AiWorkload.Ingestion.Http;

/// <summary>
/// Describes an endpoint's body for the OpenAPI document only. Not IAcceptsMetadata on purpose: that makes routing answer
/// a wrong Content-Type with a bare 415, while the handler answers it as a problem naming the header.
/// </summary>
internal sealed record RequestBodyMetadata(Type JsonType, bool Required, bool AcceptsCsv = false);
