using System.Text.Json;

namespace AiWorkload.Catalog.Models;

/// <summary>
/// Where a retraining job's results live among the catalog's idempotency records, shared by the retraining service
/// that writes them and the ingestion API that reports them, so the two cannot drift apart on a key format.
/// </summary>
public static class JobRecords
{
    /// <summary>The job's decision (promoted or rejected), written with the version's status.</summary>
    public static string OutcomeKey(string modelId, string jobId) => $"retraining:{modelId}:{jobId}";

    /// <summary>A separate key, so a failure recorded before a resubmitted job succeeds never stands in the way of its outcome.</summary>
    public static string FailureKey(string modelId, string jobId) => $"retraining-failed:{modelId}:{jobId}";

    public static string Serialize(JobFailure failure) => JsonSerializer.Serialize(failure, CatalogJsonContext.Default.JobFailure);

    public static JobFailure? ReadFailure(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, CatalogJsonContext.Default.JobFailure);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
