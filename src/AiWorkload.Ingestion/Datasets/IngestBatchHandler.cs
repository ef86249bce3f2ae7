using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Contracts.Events;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Datasets;

/// <summary>
/// POST /api/datasets/{datasetId}/batches: validates labelled rows (JSON or CSV) against the dataset's schema and stores
/// them as one new data version with a DataIngested outbox entry, in one transaction. The batch id is a hash of the parsed
/// rows, with or without an Idempotency-Key: the same rows are stored once (200, alreadyStored, rowsAdded 0) and announced
/// once, however they were formatted or keyed.
/// </summary>
internal sealed class IngestBatchHandler(IWorkloadCatalog catalog, IdempotentWriter writer, IOptions<IngestionOptions> options)
{
    public async Task<IResult> HandleAsync(string datasetId, HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = IdempotencyKey.Read(request, required: false);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var dataset = await catalog.GetDatasetAsync(datasetId, cancellationToken);
        if (dataset is null)
        {
            return Problems.NotFound("datasetId", $"Dataset '{datasetId}' does not exist: register a model with the dataset's schema first.");
        }

        var settings = options.Value;
        var (body, tooLarge) = await RequestBody.ReadAsync(request, settings.MaxRequestBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var idempotency = key is null ? null : IdempotencyKey.For(key, request, body);
        if (await writer.TryReplayAsync(idempotency, cancellationToken) is { } replay)
        {
            return replay;
        }

        var (rows, problem) = body!.Format switch
        {
            BodyFormat.Json when !body.IsEmpty => JsonRecordsReader.Read(body.Bytes, dataset.Definition, settings.MaxRowsPerBatch),
            BodyFormat.Csv when !body.IsEmpty => CsvRecordsReader.Read(body.Bytes, dataset.Definition, settings.MaxRowsPerBatch),
            BodyFormat.Json or BodyFormat.Csv or BodyFormat.None when body.IsEmpty =>
                (null, Problems.Field(Problems.BodyField, "A batch is required: JSON {\"records\": [...]} or CSV with a header row.")),
            _ => (null, Problems.UnsupportedMediaType(body.ContentType, $"{MediaTypes.Json} or {MediaTypes.Csv}")),
        };
        if ((problem ?? (body.Format == BodyFormat.Json ? TrainableRows.CheckRecords(rows!, dataset.Definition) : null)) is { } refused)
        {
            return refused;
        }

        // The batch is its rows, whatever key (or none) it came with, so the same upload is stored once. The key only
        // makes a retried request get the first answer back byte for byte.
        var batchId = BatchFingerprint.Of(rows!);
        return await writer.CommitAsync(idempotency, (catalogWriter, now) => Store(catalogWriter, datasetId, batchId, rows!, now), cancellationToken);
    }

    private static ApiResponse Store(ICatalogWriter catalogWriter, string datasetId, string batchId, IReadOnlyList<DatasetRow> rows, DateTimeOffset now)
    {
        var batch = catalogWriter.AppendRows(datasetId, batchId, rows);
        if (!batch.AlreadyStored)
        {
            catalogWriter.Enqueue(WorkloadOutbox.Entry(
                new DataIngested(EventIds.Create("data-ingested", datasetId, batchId), datasetId, batchId, batch.RowsAdded, batch.TotalRows, batch.DataVersion, now),
                now));
        }

        var response = new BatchResponse(datasetId, batchId, batch.AlreadyStored ? 0 : batch.RowsAdded, batch.TotalRows, batch.DataVersion, batch.AlreadyStored);
        return new ApiResponse(
            batch.AlreadyStored ? StatusCodes.Status200OK : StatusCodes.Status201Created,
            Locations.Dataset(datasetId),
            JsonSerializer.Serialize(response, IngestionJsonContext.Default.BatchResponse));
    }
}
