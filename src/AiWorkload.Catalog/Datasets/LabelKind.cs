namespace AiWorkload.Catalog.Datasets;

/// <summary>What a dataset's label is: a class name (classification) or a number (regression).</summary>
public enum LabelKind
{
    Categorical,
    Numeric,
}
