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

    /// <summary>
    /// Records that the job gave up, so its request reports <c>failed</c> with the reason. The first failure of a job is
    /// kept: a redelivery that fails again (the record was written, the dead-lettering was not) has the same reason.
    /// </summary>
    public async Task SaveFailureAsync(TrainingJob job, string reason, string detail, DateTimeOffset failedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var key = JobRecords.FailureKey(job.ModelId, job.JobId);
        if (await catalog.GetIdempotentResponseAsync(key, cancellationToken) is not null)
        {
            return;
        }

        var body = JobRecords.Serialize(new JobFailure(job.ModelId, job.JobId, reason, detail, failedAt));
        var record = new IdempotentResponse(key, RequestHash(job), StatusCode: 422, Location: null, body, failedAt);
        await catalog.WriteAsync(
            w =>
            {
                w.SaveIdempotentResponse(record);
                return record;
            },
            cancellationToken);
    }

    public async Task<JobFailure?> GetFailureAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var record = await catalog.GetIdempotentResponseAsync(JobRecords.FailureKey(job.ModelId, job.JobId), cancellationToken);
        return record is null ? null : JobRecords.ReadFailure(record.Body);
    }

    public async Task<JobOutcome?> GetAsync(TrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var record = await catalog.GetIdempotentResponseAsync(Key(job), cancellationToken);
        return record is null ? null : JsonSerializer.Deserialize(record.Body, RetrainingJsonContext.Default.JobOutcome);
    }

    private static string Key(TrainingJob job) => JobRecords.OutcomeKey(job.ModelId, job.JobId);

    private static string RequestHash(TrainingJob job) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{job.ModelId}\n{job.JobId}")));
}
