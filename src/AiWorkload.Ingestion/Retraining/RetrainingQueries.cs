using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Models;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Retraining;

/// <summary>
/// GET /api/models/{modelId}/retrainings/{requestId}, the Location of a retraining request: queued until the catalog
/// holds a version trained for that job id, evaluating while that version awaits its promotion decision, then trained;
/// failed, with the reason, when the retraining service recorded that the job gave up. Requests are known by their
/// stored idempotency record.
/// </summary>
internal sealed class RetrainingQueries(IWorkloadCatalog catalog)
{
    public async Task<IResult> GetAsync(string modelId, string requestId, CancellationToken cancellationToken)
    {
        if (await catalog.GetModelAsync(modelId, cancellationToken) is null)
        {
            return ModelQueries.NotFound(modelId);
        }

        var stored = await catalog.GetIdempotentResponseAsync(requestId, cancellationToken);
        if (stored is null || ReadAccepted(stored.Body)?.ModelId != modelId)
        {
            return Problems.NotFound("requestId", $"No retraining request '{requestId}' was made for model '{modelId}'.");
        }

        var version = await catalog.GetVersionByJobAsync(modelId, requestId, cancellationToken);
        // A decided version wins over a recorded failure: the job may have been resubmitted and trained since.
        var failure = version is null or { Status: VersionStatus.Candidate } ? await GetFailureAsync(modelId, requestId, cancellationToken) : null;
        // "trained" only once the decision is recorded: a client that stops polling there finds the version promoted or rejected.
        var state = (version, failure) switch
        {
            (_, not null) => RetrainingStates.Failed,
            (null, _) => RetrainingStates.Queued,
            ({ Status: VersionStatus.Candidate }, _) => RetrainingStates.Evaluating,
            _ => RetrainingStates.Trained,
        };
        var status = new RetrainingStatus(requestId, modelId, state, version is null ? null : ModelMapping.ToResponse(version),
            failure is null ? null : new RetrainingFailure(failure.Reason, failure.Detail, failure.FailedAt));
        return TypedResults.Json(status, IngestionJsonContext.Default.RetrainingStatus);
    }

    private async Task<JobFailure?> GetFailureAsync(string modelId, string requestId, CancellationToken cancellationToken) =>
        await catalog.GetIdempotentResponseAsync(JobRecords.FailureKey(modelId, requestId), cancellationToken) is { } record
            ? JobRecords.ReadFailure(record.Body)
            : null;

    /// <summary>The key may have been used for another kind of request, whose stored answer is not a retraining.</summary>
    private static RetrainingAccepted? ReadAccepted(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, IngestionJsonContext.Default.RetrainingAccepted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
