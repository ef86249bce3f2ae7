namespace AiWorkload.Ingestion.Datasets;

/// <summary>The stored batch: <see cref="AlreadyStored"/> when the same batch id (key or content) was ingested before.</summary>
public sealed record BatchResponse(string DatasetId, string BatchId, int RowsAdded, long TotalRows, long DataVersion, bool AlreadyStored);
