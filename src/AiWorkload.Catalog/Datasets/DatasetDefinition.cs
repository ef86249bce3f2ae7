namespace AiWorkload.Catalog.Datasets;

/// <summary>A dataset's schema: numeric feature columns and one label column. Rows are validated against it.</summary>
public sealed record DatasetDefinition(string DatasetId, IReadOnlyList<string> Features, string Label, LabelKind LabelKind)
{
    public bool SameSchemaAs(DatasetDefinition other) =>
        Features.SequenceEqual(other.Features, StringComparer.Ordinal) && Label == other.Label && LabelKind == other.LabelKind;
}
