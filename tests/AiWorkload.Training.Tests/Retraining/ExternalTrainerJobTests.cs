using System.Diagnostics;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;
using AiWorkload.Training.Jobs;
using AiWorkload.Training.Tests.Learning;
using AiWorkload.Training.Tests.Retraining.Infrastructure;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>External trainers configured by name, run by real jobs: success, a crash, a time-budget overrun.</summary>
public sealed class ExternalTrainerJobTests : IDisposable
{
    private static readonly MessageSource RetrainingQueue = MessageSource.Queue(WorkloadTopology.RetrainingQueue);
    private readonly TemporaryDirectory _directory = new();
    private readonly ScriptDirectory _scripts = new();

    public void Dispose()
    {
        _scripts.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_configured_external_trainer_trains_an_opaque_artifact_that_is_compared_on_its_stored_metrics()
    {
        var script = _scripts.Write("train.sh", """
            echo "rows: $(wc -l < "$AIW_TRAIN_DATASET")" >&2
            printf 'opaque-%s' "$AIW_SEED" > "$AIW_ARTIFACT"
            printf '{"accuracy": %s}' "$ACCURACY" > "$AIW_METRICS"
            """);
        var settings = Trainer("gbm", script);
        settings["Training:ExternalTrainers:gbm:ArtifactContentType"] = "application/x-gbm";
        settings["Training:ExternalTrainers:gbm:Environment:ACCURACY"] = "0.8";
        await using (var host = await RetrainingHost.StartAsync(_directory.Path, settings))
        {
            await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(50, seed: 1));
            await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn", trainer: "gbm");
            await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "first", TestData.Now));
            await host.Events.WaitForAsync<ModelPromoted>();
        }

        settings["Training:ExternalTrainers:gbm:Environment:ACCURACY"] = "0.85";
        await using var restarted = await RetrainingHost.StartAsync(_directory.Path, settings);
        await restarted.Bus.SendAsync(new RetrainModel("job-2", "churn-model", "second", TestData.Now));
        var promoted = await restarted.Events.WaitForAsync<ModelPromoted>();

        Assert.Equal((2, (int?)1, 0.85, (double?)0.8), (promoted.Version, promoted.PreviousVersion, promoted.Value, promoted.PreviousValue));
        Assert.Contains("opaque artifact, scored by that trainer on the same seeded validation split of data version 1", promoted.Decision, StringComparison.Ordinal);
        var version = (await restarted.Catalog.GetVersionsAsync("churn-model")).Single(v => v.Version == 2);
        Assert.Equal("gbm", version.Trainer);
        Assert.EndsWith(".bin", version.ArtifactKey, StringComparison.Ordinal);
        await using var stored = await restarted.Artifacts.OpenReadAsync(version.ArtifactKey);
        Assert.Equal("application/x-gbm", stored!.ContentType);
    }

    [Fact]
    public async Task A_crashing_external_trainer_is_retried_then_reported_with_its_stderr_tail()
    {
        var runs = Path.Combine(_scripts.Path, "runs.txt");
        var script = _scripts.Write("crash.sh", """
            echo run >> "$RUNS"
            echo "loading $(basename "$AIW_TRAIN_DATASET")" >&2
            echo "Traceback (most recent call last):" >&2
            echo "KeyError: 'x3'" >&2
            exit 3
            """);
        var settings = Trainer("crashy", script);
        settings["Training:ExternalTrainers:crashy:Environment:RUNS"] = runs;
        settings["Training:Retry:MaxAttempts"] = "2";
        settings["Training:Retry:InitialDelay"] = "00:00:00.050";
        settings["Training:Retry:UseJitter"] = "false";
        await using var host = await RetrainingHost.StartAsync(_directory.Path, settings);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(50, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn", trainer: "crashy");

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "test", TestData.Now));
        var failed = await host.Events.WaitForAsync<TrainingFailed>();
        await host.WaitUntilQueueEmptyAsync();

        Assert.Equal(2, File.ReadAllLines(runs).Length);
        Assert.Equal(TrainingFailureReasons.TrainerFailed, failed.Reason);
        Assert.StartsWith("Gave up after 2 attempts. Trainer 'crashy' failed: the program exited with code 3.", failed.Detail, StringComparison.Ordinal);
        Assert.EndsWith("loading train.csv\nTraceback (most recent call last):\nKeyError: 'x3'", failed.Detail, StringComparison.Ordinal);
        var message = Assert.Single(await host.DeadLetters.PeekAsync(RetrainingQueue));
        Assert.Equal((TrainingFailureReasons.TrainerFailed, failed.Detail, 2), (message.Reason, message.Description, message.DeliveryCount));
        Assert.Empty(await host.Catalog.GetVersionsAsync("churn-model"));
    }

    [Fact]
    public async Task An_external_trainer_that_overruns_its_time_budget_is_killed_and_the_job_dead_lettered_at_once()
    {
        var script = _scripts.Write("slow.sh", """
            echo "epoch 1 of 500" >&2
            sleep 30
            """);
        var settings = Trainer("slow", script);
        settings["Training:ExternalTrainers:slow:TimeBudget"] = "00:00:00.500";
        await using var host = await RetrainingHost.StartAsync(_directory.Path, settings);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(50, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn", trainer: "slow");
        var clock = Stopwatch.StartNew();

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "test", TestData.Now));
        var failed = await host.Events.WaitForAsync<TrainingFailed>();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(TrainingFailureReasons.TrainerTimedOut, failed.Reason);
        Assert.Contains("exceeded its time budget of 0.5 s", failed.Detail, StringComparison.Ordinal);
        Assert.EndsWith("epoch 1 of 500", failed.Detail, StringComparison.Ordinal);
        await host.WaitUntilQueueEmptyAsync();
        var message = Assert.Single(await host.DeadLetters.PeekAsync(RetrainingQueue));
        Assert.Equal((TrainingFailureReasons.TrainerTimedOut, 1), (message.Reason, message.DeliveryCount));
    }

    private static Dictionary<string, string?> Trainer(string name, string script) => new()
    {
        [$"Training:ExternalTrainers:{name}:Command"] = "sh",
        [$"Training:ExternalTrainers:{name}:Arguments:0"] = script,
    };
}
