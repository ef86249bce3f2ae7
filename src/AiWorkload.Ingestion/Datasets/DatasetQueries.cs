using AiWorkload.Catalog;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Models;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Datasets;

internal sealed class DatasetQueries(IWorkloadCatalog catalog)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var datasets = await catalog.ListDatasetsAsync(cancellationToken);
        return TypedResults.Json<IReadOnlyList<DatasetResponse>>([.. datasets.Select(ModelMapping.ToResponse)], IngestionJsonContext.Default.IReadOnlyListDatasetResponse);
    }

    public async Task<IResult> GetAsync(string datasetId, CancellationToken cancellationToken) =>
        await catalog.GetDatasetAsync(datasetId, cancellationToken) is { } dataset
            ? TypedResults.Json(ModelMapping.ToResponse(dataset), IngestionJsonContext.Default.DatasetResponse)
            : Problems.NotFound("datasetId", $"Dataset '{datasetId}' does not exist.");
}
