namespace AiWorkload.Catalog.Datasets;

/// <summary>A dataset's rows as of one data version: training on a snapshot is repeatable.</summary>
public sealed record DatasetSnapshot(DatasetDefinition Definition, long DataVersion, IReadOnlyList<DatasetRow> Rows);
