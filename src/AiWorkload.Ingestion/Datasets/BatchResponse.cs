namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// The stored batch. <see cref="AlreadyStored"/> when the same rows were ingested before: then this request added nothing
/// (<see cref="RowsAdded"/> 0), and <see cref="TotalRows"/> and <see cref="DataVersion"/> say where the rows were stored.
/// </summary>
public sealed record BatchResponse(string DatasetId, string BatchId, int RowsAdded, long TotalRows, long DataVersion, bool AlreadyStored);
