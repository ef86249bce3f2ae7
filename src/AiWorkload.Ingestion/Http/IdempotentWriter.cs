using AiWorkload.Catalog;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Messaging.Outbox;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Ingestion.Http;

/// <summary>
/// Runs a request's change in ONE catalog transaction together with its outbox entries and, when an Idempotency-Key was
/// sent, the response to replay: the data, the messages announcing it and the answer are stored together or not at all.
/// </summary>
internal sealed class IdempotentWriter(IWorkloadCatalog catalog, OutboxSignal<IWorkloadCatalog> signal, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The stored answer for a key seen before (a replay), a 422 when the key was used for another request, else null.</summary>
    public async Task<IResult?> TryReplayAsync(IdempotencyKey? key, CancellationToken cancellationToken)
    {
        if (key is null || await catalog.GetIdempotentResponseAsync(key.Key, cancellationToken) is not { } stored)
        {
            return null;
        }

        return stored.RequestHash == key.RequestHash
            ? new ApiResponseResult(new ApiResponse(stored.StatusCode, stored.Location, stored.Body), replayed: true)
            : Problems.Field(IdempotencyKey.HeaderName,
                $"The key '{key.Key}' was already used for a different request; use a new key for a new request.",
                StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.");
    }

    /// <summary>
    /// Commits <paramref name="change"/> and wakes the outbox dispatcher. When a concurrent request with the same key
    /// committed first, this one's transaction fails on the key and the first answer is replayed instead.
    /// </summary>
    public async Task<IResult> CommitAsync(IdempotencyKey? key, Func<ICatalogWriter, DateTimeOffset, ApiResponse> change, CancellationToken cancellationToken)
    {
        var now = Now;
        ApiResponse response;
        try
        {
            response = await catalog.WriteAsync(writer =>
            {
                var answer = change(writer, now);
                if (key is not null)
                {
                    writer.SaveIdempotentResponse(new IdempotentResponse(key.Key, key.RequestHash, answer.StatusCode, answer.Location, answer.Body, now));
                }

                return answer;
            }, cancellationToken);
        }
        catch (Exception error) when (key is not null && error is not (CatalogConflictException or CatalogNotFoundException or OperationCanceledException))
        {
            if (await TryReplayAsync(key, cancellationToken) is { } replay)
            {
                return replay;
            }

            throw;
        }

        signal.Notify();
        return new ApiResponseResult(response, replayed: false);
    }
}
