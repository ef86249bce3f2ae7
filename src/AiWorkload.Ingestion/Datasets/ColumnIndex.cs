using AiWorkload.Catalog.Datasets;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>Column name to position: features keep the schema's order, the label comes last. Names match exactly.</summary>
internal sealed class ColumnIndex
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    private ColumnIndex()
    {
    }

    public static ColumnIndex For(DatasetDefinition schema)
    {
        var index = new ColumnIndex();
        for (var i = 0; i < schema.Features.Count; i++)
        {
            index._positions[schema.Features[i]] = i;
        }

        index._positions[schema.Label] = LabelColumn(schema);
        return index;
    }

    public static int LabelColumn(DatasetDefinition schema) => schema.Features.Count;

    public bool TryGet(string name, out int column) => _positions.TryGetValue(name, out column);
}
