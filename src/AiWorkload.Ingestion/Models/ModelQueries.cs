using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Ingestion.Http;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Models;

/// <summary>The registry as the catalog holds it: models with their dataset, policies, versions and each version's metrics.</summary>
internal sealed class ModelQueries(IWorkloadCatalog catalog)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var models = await catalog.ListModelsAsync(cancellationToken);
        var responses = new List<ModelResponse>(models.Count);
        foreach (var model in models)
        {
            responses.Add(await DescribeAsync(model, cancellationToken));
        }

        return TypedResults.Json<IReadOnlyList<ModelResponse>>(responses, IngestionJsonContext.Default.IReadOnlyListModelResponse);
    }

    public async Task<IResult> GetAsync(string modelId, CancellationToken cancellationToken) =>
        await catalog.GetModelAsync(modelId, cancellationToken) is { } model
            ? TypedResults.Json(await DescribeAsync(model, cancellationToken), IngestionJsonContext.Default.ModelResponse)
            : NotFound(modelId);

    public async Task<IResult> VersionsAsync(string modelId, CancellationToken cancellationToken)
    {
        if (await catalog.GetModelAsync(modelId, cancellationToken) is null)
        {
            return NotFound(modelId);
        }

        var versions = await catalog.GetVersionsAsync(modelId, cancellationToken);
        return TypedResults.Json<IReadOnlyList<ModelVersionResponse>>([.. versions.Select(ModelMapping.ToResponse)], IngestionJsonContext.Default.IReadOnlyListModelVersionResponse);
    }

    public static IResult NotFound(string modelId) => Problems.NotFound("modelId", $"Model '{modelId}' is not registered.");

    private async Task<ModelResponse> DescribeAsync(ModelDefinition model, CancellationToken cancellationToken)
    {
        var dataset = await catalog.GetDatasetAsync(model.DatasetId, cancellationToken);
        var versions = await catalog.GetVersionsAsync(model.ModelId, cancellationToken);
        return ModelMapping.ToResponse(model, dataset ?? new DatasetStats(new DatasetDefinition(model.DatasetId, [], string.Empty, LabelKind.Categorical), 0, 0), versions);
    }
}
