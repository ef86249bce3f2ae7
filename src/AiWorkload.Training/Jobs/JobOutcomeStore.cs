using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Records a job's decision as the catalog's idempotency record for the request (key <c>retraining:{model}:{job}</c>) in the
/// same transaction that sets the version's status: a crash leaves both or neither, never a decided version whose
/// numbers are lost.
/// </summary>
public sealed class JobOutcomeStore(IWorkloadCatalog catalog)
{
    public async Task<ModelVersion> SaveAsync(TrainingJob job, JobOutcome outcome, string artifactKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(outcome);
        var body = JsonSerializer.Serialize(outcome, RetrainingJsonContext.Default.JobOutcome);
        var record = new IdempotentResponse(Key(job), RequestHash(job), StatusCode: 200, Location: artifactKey, body, outcome.DecidedAt);
        return await catalog.WriteAsync(
            w =>
            {
                var version = w.SetVersionStatus(job.ModelId, outcome.Version, outcome.Promoted ? VersionStatus.Promoted : VersionStatus.Rejected, outcome.Decision);
                w.SaveIdempotentResponse(record);
                return version;
            },
            cancellationToken);
    }

    public async Task<JobOutcome?> GetAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var record = await catalog.GetIdempotentResponseAsync(Key(job), cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize(record.Body, RetrainingJsonContext.Default.JobOutcome);
    }

    private static string Key(TrainingJob job) => $"retraining:{job.ModelId}:{job.JobId}";

    private static string RequestHash(TrainingJob job) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{job.ModelId}\n{job.JobId}")));
}
