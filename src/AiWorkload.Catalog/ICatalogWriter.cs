using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging.Outbox;

namespace AiWorkload.Catalog;

/// <summary>The changes allowed inside one catalog transaction. Every method is idempotent where a retry could repeat it.</summary>
public interface ICatalogWriter
{
    /// <summary>Creates the dataset, or returns it if it exists with the same schema; a different schema is a conflict.</summary>
    DatasetDefinition CreateDataset(DatasetDefinition definition);

    /// <summary>Appends rows as one new data version; a batch id seen before returns its original outcome and adds nothing.</summary>
    DatasetBatch AppendRows(string datasetId, string batchId, IReadOnlyList<DatasetRow> rows);

    /// <summary>Registers the model, or returns the stored one if it exists with the same definition; otherwise a conflict.</summary>
    ModelDefinition RegisterModel(ModelDefinition definition);

    /// <summary>Records a trained version; a job id recorded before returns that version, so a redelivered job adds none.</summary>
    ModelVersion AddVersion(NewModelVersion version);

    /// <summary>Sets a version's status and decision; promoting one retires the previously promoted version.</summary>
    ModelVersion SetVersionStatus(string modelId, int version, VersionStatus status, string decision);

    void Enqueue(OutboxEntry entry);

    void SaveIdempotentResponse(IdempotentResponse response);
}
