using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Models;
using AiWorkload.Ingestion.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Retraining;

/// <summary>
/// POST /api/models/{modelId}/retrain: sends RetrainModel to the retraining queue (session = model id) and publishes
/// RetrainingRequested. The Idempotency-Key is required: it is the RequestId, the command's MessageId and the job id the
/// trained version is recorded under, so a retried request never trains twice.
/// </summary>
internal sealed class RetrainHandler(IWorkloadCatalog catalog, IdempotentWriter writer, IOptions<IngestionOptions> options)
{
    public const string DefaultReason = "Requested through the API.";

    public async Task<IResult> HandleAsync(string modelId, HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = IdempotencyKey.Read(request, required: true);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        if (await catalog.GetModelAsync(modelId, cancellationToken) is null)
        {
            return ModelQueries.NotFound(modelId);
        }

        var (body, tooLarge) = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var idempotency = IdempotencyKey.For(key!, request, body);
        if (await writer.TryReplayAsync(idempotency, cancellationToken) is { } replay)
        {
            return replay;
        }

        var (retrain, problem) = JsonBody.Read(body!, IngestionJsonContext.Default.RetrainRequest, required: false);
        if (problem is not null)
        {
            return problem;
        }

        var reason = string.IsNullOrWhiteSpace(retrain?.Reason) ? DefaultReason : retrain.Reason.Trim();
        if (reason.Length > 500)
        {
            return Problems.Field("reason", "The reason is longer than 500 characters.");
        }

        return await writer.CommitAsync(idempotency, (catalogWriter, now) =>
        {
            catalogWriter.Enqueue(WorkloadOutbox.Entry(new RetrainModel(key!, modelId, reason, now), now));
            catalogWriter.Enqueue(WorkloadOutbox.Entry(new RetrainingRequested(EventIds.Create("retraining-requested", key!), key!, modelId, reason, now), now));
            var accepted = new RetrainingAccepted(key!, modelId, reason, RetrainingStates.Queued, now);
            return new ApiResponse(StatusCodes.Status202Accepted, Locations.Retraining(modelId, key!), JsonSerializer.Serialize(accepted, IngestionJsonContext.Default.RetrainingAccepted));
        }, cancellationToken);
    }
}
