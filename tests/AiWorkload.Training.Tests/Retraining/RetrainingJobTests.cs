using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Testing;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Tests.Retraining.Infrastructure;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>A RetrainModel through the real queue, handler, catalog and artifact store, to the events it publishes.</summary>
public sealed class RetrainingJobTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_request_trains_stores_records_and_promotes_the_first_version()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(120, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn");

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "first training", TestData.Now, RunId: "run-1"));

        var promoted = await host.Events.WaitForAsync<ModelPromoted>();
        Assert.Equal([typeof(TrainingStarted), typeof(ModelTrained), typeof(ModelPromoted)], host.Events.All.Select(e => e.GetType()));
        var started = host.Events.Of<TrainingStarted>()[0];
        var trained = host.Events.Of<ModelTrained>()[0];
        Assert.Equal(("job-1:started", "job-1", "run-1"), (started.EventId, started.JobId, started.RunId));
        Assert.Equal((1, "logistic-regression", 1L, "accuracy", "run-1"), (trained.Version, trained.Trainer, trained.DataVersion, trained.PrimaryMetric, trained.RunId));
        Assert.True(trained.Metrics["accuracy"] > 0.9, $"accuracy {trained.Metrics["accuracy"]}");
        Assert.Contains("log_loss", trained.Metrics.Keys);
        Assert.Equal(("job-1:promoted", 1, (int?)null, "accuracy", trained.Metrics["accuracy"]), (promoted.EventId, promoted.Version, promoted.PreviousVersion, promoted.Metric, promoted.Value));
        Assert.StartsWith("Promoted v1: no version was promoted before; accuracy ", promoted.Decision, StringComparison.Ordinal);

        var version = Assert.Single(await host.Catalog.GetVersionsAsync("churn-model"));
        Assert.Equal((VersionStatus.Promoted, "job-1", "logistic-regression", trained.ArtifactKey, promoted.Decision), (version.Status, version.JobId, version.Trainer, version.ArtifactKey, version.Decision));
        Assert.True(version.TrainingSeconds > 0);
        Assert.StartsWith("churn-model/job-1/", version.ArtifactKey, StringComparison.Ordinal);
        var artifact = await host.Artifacts.GetAsync(version.ArtifactKey);
        Assert.Equal(TrainedModel.ArtifactContentType, artifact!.ContentType);
        Assert.Equal("yes", TrainedModel.FromArtifact(artifact).Predict(new Dictionary<string, double> { ["x1"] = 1.5, ["x2"] = -1.5 }).Label);
        await host.WaitUntilQueueEmptyAsync();
    }

    [Fact]
    public async Task A_version_that_beats_the_promoted_one_on_the_same_validation_rows_is_promoted_and_one_that_does_not_is_rejected()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(60, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn", margin: 0.02);
        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "first", TestData.Now));
        var first = await host.Events.WaitForAsync<ModelPromoted>(e => e.JobId == "job-1");

        // The concept drifts: new rows follow x2. Version 1, re-scored on version 2's validation rows, does much worse
        // there than its stored metric (computed on its own split) claims.
        await TestData.AppendAsync(host.Catalog, "churn", "batch-2", TestData.FollowsX2(240, seed: 2));
        await host.Bus.SendAsync(new RetrainModel("job-2", "churn-model", "drift", TestData.Now));
        var second = await host.Events.WaitForAsync<ModelPromoted>(e => e.JobId == "job-2");

        Assert.Equal((2, (int?)1), (second.Version, second.PreviousVersion));
        Assert.True(second.Value > second.PreviousValue + 0.02, $"{second.Value} vs {second.PreviousValue}");
        Assert.True(second.PreviousValue < first.Value - 0.1, $"v1 re-scored {second.PreviousValue}, stored {first.Value}");
        Assert.Matches(@"on the \d+ validation rows of data version 2 against v1's", second.Decision);
        Assert.Contains($"accuracy {second.Value:0.0000}", second.Decision, StringComparison.Ordinal);
        Assert.Contains($"{second.PreviousValue:0.0000} on the same rows", second.Decision, StringComparison.Ordinal);

        // The same data again trains the same model bit for bit: no improvement, so it is recorded and rejected.
        await host.Bus.SendAsync(new RetrainModel("job-3", "churn-model", "no news", TestData.Now));
        var rejected = await host.Events.WaitForAsync<ModelRejected>();

        Assert.Equal(("job-3:rejected", 3, (int?)2, second.Value, second.Value), (rejected.EventId, rejected.Version, rejected.CurrentVersion, rejected.Value, rejected.CurrentValue));
        Assert.StartsWith("Rejected v3: ", rejected.Decision, StringComparison.Ordinal);
        Assert.EndsWith("an improvement of 0.0000 (higher is better), not more than the required 0.0200; v2 stays promoted.", rejected.Decision, StringComparison.Ordinal);
        var versions = await host.Catalog.GetVersionsAsync("churn-model");
        Assert.Equal([VersionStatus.Retired, VersionStatus.Promoted, VersionStatus.Rejected], versions.OrderBy(v => v.Version).Select(v => v.Status));
        Assert.Equal(rejected.Decision, versions.Single(v => v.Version == 3).Decision);
        Assert.Equal(3, host.Events.Of<ModelTrained>().Count);
    }

    [Fact]
    public async Task A_duplicate_request_after_the_duplicate_detection_window_adds_no_version_and_republishes_the_same_events()
    {
        var time = new ManualTimeProvider();
        await using var host = await RetrainingHost.StartAsync(_directory.Path, time: time);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(80, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn");
        var request = new RetrainModel("job-1", "churn-model", "first", TestData.Now);
        await host.Bus.SendAsync(request);
        var promoted = await host.Events.WaitForAsync<ModelPromoted>();

        // Past the ten-minute window, neither the queue nor the topic drops a repeat: only the handler's idempotency counts.
        time.Advance(TimeSpan.FromMinutes(11));
        await host.Bus.SendAsync(request);
        await host.Events.WaitForAsync<ModelTrained>(_ => host.Events.Of<ModelTrained>().Count == 2);
        var republished = await host.Events.WaitForAsync<ModelPromoted>(_ => host.Events.Of<ModelPromoted>().Count == 2);
        await host.WaitUntilQueueEmptyAsync();

        Assert.Single(await host.Catalog.GetVersionsAsync("churn-model"));
        Assert.Single(host.Events.Of<TrainingStarted>());
        var trained = host.Events.Of<ModelTrained>();
        Assert.Equal((trained[0].EventId, trained[0].Version, trained[0].OccurredAt, trained[0].ArtifactKey), (trained[1].EventId, trained[1].Version, trained[1].OccurredAt, trained[1].ArtifactKey));
        republished = host.Events.Of<ModelPromoted>()[1];
        Assert.Equal(promoted, republished);
    }

    [Fact]
    public async Task A_redelivery_after_a_crash_between_recording_and_deciding_decides_without_training_again()
    {
        var gated = new GatedTrainer(); // never released: a second training run would hang the test
        await using var host = await RetrainingHost.StartAsync(_directory.Path, trainers: gated);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(80, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn", trainer: GatedTrainer.TrainerName);

        // What a crash right after recording leaves behind: the artifact and a candidate version without a decision.
        var model = (await host.Catalog.GetModelAsync("churn-model"))!;
        var data = await host.Services.GetRequiredService<Jobs.TrainingDataLoader>().LoadAsync(model, null, CancellationToken.None);
        var outcome = await new LogisticRegressionTrainer().TrainAsync(data.Dataset, TrainingOptions.Default, CancellationToken.None);
        var key = ArtifactKeys.ForVersion("churn-model", "job-1", outcome.Artifact);
        await host.Artifacts.PutAsync(key, outcome.Artifact);
        await host.Catalog.WriteAsync(w => w.AddVersion(new NewModelVersion("churn-model", "job-1", outcome.TrainerName, data.DataVersion,
            outcome.ValidationMetrics.ToDictionary(), key, TestData.Now, outcome.Duration.TotalSeconds)));

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "redelivered", TestData.Now));
        var promoted = await host.Events.WaitForAsync<ModelPromoted>();

        Assert.Equal(0, gated.Runs);
        Assert.Empty(host.Events.Of<TrainingStarted>());
        Assert.Equal(1, promoted.Version);
        var version = Assert.Single(await host.Catalog.GetVersionsAsync("churn-model"));
        Assert.Equal((VersionStatus.Promoted, key), (version.Status, version.ArtifactKey));
        Assert.Equal(outcome.ValidationMetrics.Accuracy, host.Events.Of<ModelTrained>().Single().Metrics["accuracy"]);
    }
}
