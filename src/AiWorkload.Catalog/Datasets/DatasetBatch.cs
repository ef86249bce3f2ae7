namespace AiWorkload.Catalog.Datasets;

/// <summary>The outcome of appending a batch: the dataset's new totals, or the original outcome when the batch was already stored.</summary>
public sealed record DatasetBatch(string DatasetId, string BatchId, int RowsAdded, long TotalRows, long DataVersion, bool AlreadyStored);
