namespace AiWorkload.Ingestion.Datasets;

/// <summary>A dataset's schema and size; <see cref="DataVersion"/> counts the batches accepted so far.</summary>
public sealed record DatasetResponse(string Id, IReadOnlyList<string> Features, string Label, string LabelKind, long TotalRows, long DataVersion);
