namespace AiWorkload.Catalog.Datasets;

/// <summary>One labelled record, features in the dataset's column order; numeric labels are kept as invariant-culture text.</summary>
public sealed record DatasetRow(IReadOnlyList<double> Features, string Label);
