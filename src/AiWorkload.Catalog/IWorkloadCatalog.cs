using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Catalog;

/// <summary>
/// Durable workload state. Reads are direct; every change goes through <see cref="WriteAsync{T}"/>, so a request can
/// store data, its outbox messages and its idempotency record in one transaction: all of it, or none. Its outbox is
/// published by the messaging building block's dispatcher, through <see cref="IOutboxStore"/>.
/// </summary>
public interface IWorkloadCatalog : IOutboxStore
{
    Task<T> WriteAsync<T>(Func<ICatalogWriter, T> work, CancellationToken cancellationToken = default);

    Task<DatasetStats?> GetDatasetAsync(string datasetId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DatasetStats>> ListDatasetsAsync(CancellationToken cancellationToken = default);

    /// <summary>The rows stored up to and including <paramref name="upToVersion"/> (all rows when null).</summary>
    Task<DatasetSnapshot> ReadDatasetAsync(string datasetId, long? upToVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Rows added after <paramref name="dataVersion"/>: the new data since a model was trained on that version.</summary>
    Task<long> CountRowsAfterAsync(string datasetId, long dataVersion, CancellationToken cancellationToken = default);

    Task<ModelDefinition?> GetModelAsync(string modelId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ModelVersion>> GetVersionsAsync(string modelId, CancellationToken cancellationToken = default);

    Task<ModelVersion?> GetPromotedVersionAsync(string modelId, CancellationToken cancellationToken = default);

    Task<ModelVersion?> GetVersionByJobAsync(string modelId, string jobId, CancellationToken cancellationToken = default);

    Task<IdempotentResponse?> GetIdempotentResponseAsync(string key, CancellationToken cancellationToken = default);
}
