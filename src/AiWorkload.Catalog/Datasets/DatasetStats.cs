namespace AiWorkload.Catalog.Datasets;

public sealed record DatasetStats(DatasetDefinition Definition, long TotalRows, long DataVersion);
