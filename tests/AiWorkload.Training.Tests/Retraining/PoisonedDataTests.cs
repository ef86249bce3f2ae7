using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;
using AiWorkload.Training.Jobs;
using AiWorkload.Training.Tests.Retraining.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>
/// Rows stored before ingestion checked the trainable range (or written around it) do not block a model: the job
/// trains without them and says how many it left out and why; a job that cannot train records why it failed.
/// </summary>
public sealed class PoisonedDataTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Rows_with_values_no_trainer_can_use_are_excluded_and_the_exclusion_is_recorded()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(60, seed: 1));
        await TestData.AppendAsync(host.Catalog, "churn", "before-validation", [new DatasetRow([1e308, 0], "yes"), new DatasetRow([double.NaN, 1], "no"), new DatasetRow([1, -1e16], "no")]);
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn");

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "test", TestData.Now));
        var promoted = await host.Events.WaitForAsync<ModelPromoted>();

        const string exclusion = "3 row(s) of data version 2 were excluded (a feature is not one of the finite numbers within ±9007199254740992 (2^53) training accepts; the first is row 60).";
        Assert.EndsWith(exclusion, promoted.Decision, StringComparison.Ordinal);
        var version = Assert.Single(await host.Catalog.GetVersionsAsync("churn-model"));
        Assert.Equal((VersionStatus.Promoted, 2L), (version.Status, version.DataVersion));
        Assert.EndsWith(exclusion, version.Decision, StringComparison.Ordinal);
        var outcome = await host.Services.GetRequiredService<JobOutcomeStore>().GetAsync(new TrainingJob("job-1", "churn-model", null, 1), CancellationToken.None);
        Assert.Equal((3, 60), (outcome!.Excluded!.Count, outcome.Excluded.FirstRow));
    }

    [Fact]
    public async Task A_regression_target_out_of_range_excludes_its_row()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        await TestData.AddDatasetAsync(host.Catalog, "linear", LabelKind.Numeric, [new DatasetRow([1, 1], "1e300"), .. TestData.Linear(60, seed: 1)]);
        await TestData.RegisterModelAsync(host.Catalog, "linear-model", "linear", TaskType.Regression);

        await host.Bus.SendAsync(new RetrainModel("job-1", "linear-model", "test", TestData.Now));
        var promoted = await host.Events.WaitForAsync<ModelPromoted>();

        Assert.Contains("1 row(s) of data version 1 were excluded (a feature or the label is not one of", promoted.Decision, StringComparison.Ordinal);
        Assert.Contains("the first is row 0", promoted.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trainer_that_cannot_fit_fails_the_job_on_its_first_delivery_instead_of_retrying()
    {
        var diverging = new DivergingTrainer();
        await using var host = await RetrainingHost.StartAsync(_directory.Path, trainers: diverging);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(60, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn", trainer: DivergingTrainer.TrainerName);

        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "test", TestData.Now));
        var failed = await host.Events.WaitForAsync<TrainingFailed>();
        await host.WaitUntilQueueEmptyAsync();

        const string detail = "Trainer 'diverging' cannot fit data version 1 of dataset 'churn': The loss became NaN at epoch 3.";
        Assert.Equal((TrainingFailureReasons.CannotFit, detail), (failed.Reason, failed.Detail));
        var message = Assert.Single(await host.DeadLetters.PeekAsync(MessageSource.Queue(WorkloadTopology.RetrainingQueue)));
        Assert.Equal((TrainingFailureReasons.CannotFit, 1), (message.Reason, message.DeliveryCount));
        Assert.Equal(1, diverging.Runs);
        var recorded = await host.Services.GetRequiredService<JobOutcomeStore>().GetFailureAsync(new TrainingJob("job-1", "churn-model", null, 1), CancellationToken.None);
        Assert.Equal(TrainingFailureReasons.CannotFit, recorded!.Reason);
    }

    [Fact]
    public async Task When_too_few_rows_are_left_the_job_fails_saying_so_and_the_failure_is_recorded_for_the_request()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        await TestData.AddDatasetAsync(host.Catalog, "poisoned", LabelKind.Categorical,
            [.. TestData.FollowsX1(30, seed: 1).Select(r => r with { Features = [r.Features[0] * 1e308, r.Features[1]] })]);
        await TestData.RegisterModelAsync(host.Catalog, "poisoned-model", "poisoned");

        await host.Bus.SendAsync(new RetrainModel("job-1", "poisoned-model", "test", TestData.Now));
        var failed = await host.Events.WaitForAsync<TrainingFailed>();

        Assert.Equal(TrainingFailureReasons.InsufficientData, failed.Reason);
        Assert.StartsWith("Dataset 'poisoned' has 30 rows at data version 1 once 30 row(s) of data version 1 were excluded (", failed.Detail, StringComparison.Ordinal);
        Assert.EndsWith("the first is row 0), which leaves 0; training needs at least 20.", failed.Detail, StringComparison.Ordinal);
        var recorded = await host.Services.GetRequiredService<JobOutcomeStore>().GetFailureAsync(new TrainingJob("job-1", "poisoned-model", null, 1), CancellationToken.None);
        Assert.Equal((TrainingFailureReasons.InsufficientData, failed.Detail), (recorded!.Reason, recorded.Detail));
        Assert.Empty(await host.Catalog.GetVersionsAsync("poisoned-model"));
    }
}
