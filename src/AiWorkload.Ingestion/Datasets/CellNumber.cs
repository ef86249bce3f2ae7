namespace AiWorkload.Ingestion.Datasets;

/// <summary>What a cell's text is as a training number.</summary>
internal enum CellNumber
{
    Valid,
    NotANumber,

    /// <summary>A number (possibly one that overflows to infinity) outside <see cref="Catalog.Datasets.TrainableRange"/>.</summary>
    OutOfRange,
}
