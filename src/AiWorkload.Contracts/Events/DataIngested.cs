namespace AiWorkload.Contracts.Events;

/// <summary>A batch of labelled rows was stored; <see cref="DataVersion"/> counts accepted batches of the dataset.</summary>
public sealed record DataIngested(
    string EventId,
    string DatasetId,
    string BatchId,
    int RowsAdded,
    long TotalRows,
    long DataVersion,
    DateTimeOffset OccurredAt) : IWorkloadEvent;
