using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;

namespace AiWorkload.Ingestion.Tests;

/// <summary>A job the retraining service gave up on reports failed with its reason, not queued for ever.</summary>
public sealed class RetrainingFailedTests
{
    [Fact]
    public async Task A_recorded_failure_makes_the_request_failed_with_the_reason_until_a_version_is_decided()
    {
        using var directory = new TemporaryDirectory();
        await using var app = await IngestionApp.StartAsync(directory);
        using var client = app.Client();
        await client.RegisterChurnAsync();
        var location = (await client.PostAsync("/api/models/customer-churn/retrain", null, "job-9")).Headers.Location!;
        var failedAt = new DateTimeOffset(2026, 12, 7, 16, 0, 0, TimeSpan.Zero);

        // What the retraining service writes when it gives up (JobOutcomeStore.SaveFailureAsync).
        var failure = new JobFailure("customer-churn", "job-9", "InsufficientData", "Dataset 'customers' has 5 rows at data version 1; training needs at least 20.", failedAt);
        await app.Catalog.WriteAsync(w =>
        {
            var record = new IdempotentResponse(JobRecords.FailureKey("customer-churn", "job-9"), "hash", 422, null, JobRecords.Serialize(failure), failedAt);
            w.SaveIdempotentResponse(record);
            return record;
        });
        var failed = await (await client.GetAsync(location)).ReadJsonAsync(200);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal("InsufficientData", failed.GetProperty("failure").GetProperty("reason").GetString());
        Assert.Equal(failure.Detail, failed.GetProperty("failure").GetProperty("detail").GetString());
        Assert.Equal(failedAt, failed.GetProperty("failure").GetProperty("failedAt").GetDateTimeOffset());
        Assert.False(failed.TryGetProperty("version", out _));

        // Resubmitted from the dead-letter queue after the data was fixed, the job trained: the decision wins.
        await app.Catalog.WriteAsync(w => w.AddVersion(new NewModelVersion("customer-churn", "job-9", "builtin", 2,
            new Dictionary<string, double> { ["accuracy"] = 0.9 }, "artifacts/customer-churn/1", DateTimeOffset.UtcNow, 1.5)));
        await app.Catalog.WriteAsync(w => w.SetVersionStatus("customer-churn", 1, VersionStatus.Promoted, "Promoted v1."));
        var trained = await (await client.GetAsync(location)).ReadJsonAsync(200);

        Assert.Equal("trained", trained.GetProperty("status").GetString());
        Assert.False(trained.TryGetProperty("failure", out _));
    }
}
