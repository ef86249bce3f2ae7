using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.DeadLetters;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;
using AiWorkload.Training.Jobs;
using AiWorkload.Training.Tests.Retraining.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Training.Tests.Retraining;

/// <summary>Requests that no retry could fix are dead-lettered on their first delivery, with a reason, and announced by TrainingFailed.</summary>
public sealed class DeadLetteringTests : IDisposable
{
    private static readonly MessageSource RetrainingQueue = MessageSource.Queue(WorkloadTopology.RetrainingQueue);
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Bad_or_insufficient_data_is_dead_lettered_at_once_with_a_clear_reason_and_TrainingFailed()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        var catalog = host.Catalog;
        await TestData.AddDatasetAsync(catalog, "tiny", LabelKind.Categorical, TestData.FollowsX1(5, seed: 1));
        await TestData.AddDatasetAsync(catalog, "one-class", LabelKind.Categorical, [.. TestData.FollowsX1(200, seed: 1).Where(r => r.Label == "yes").Take(30)]);
        await TestData.AddDatasetAsync(catalog, "labels", LabelKind.Categorical, TestData.FollowsX1(40, seed: 1));
        await TestData.RegisterModelAsync(catalog, "orphan", "no-such-dataset");
        await TestData.RegisterModelAsync(catalog, "tiny", "tiny");
        await TestData.RegisterModelAsync(catalog, "one-class", "one-class");
        await TestData.RegisterModelAsync(catalog, "price", "labels", TaskType.Regression);
        await TestData.RegisterModelAsync(catalog, "exotic", "labels", trainer: "xgboost");
        await TestData.RegisterModelAsync(catalog, "odd-policy", "labels", metric: "rmse");
        (string Model, string Reason, string Description)[] expected =
        [
            ("ghost", TrainingFailureReasons.UnknownModel, "Model 'ghost' is not registered."),
            ("orphan", TrainingFailureReasons.UnknownDataset, "Model 'orphan' trains on dataset 'no-such-dataset', which does not exist."),
            ("tiny", TrainingFailureReasons.InsufficientData, "Dataset 'tiny' has 5 rows at data version 1; training needs at least 20."),
            ("one-class", TrainingFailureReasons.InsufficientData, "Dataset 'one-class' holds only the class [yes]; classification needs at least two."),
            ("price", TrainingFailureReasons.SchemaMismatch, "Dataset 'labels' does not fit model 'price' (regression): regression needs a numeric label, but 'buys' is categorical."),
            ("exotic", TrainingFailureReasons.UnknownTrainer, "Model 'exotic' names trainer 'xgboost', which is not configured; known trainers: builtin, logistic-regression, linear-regression."),
            ("odd-policy", TrainingFailureReasons.InvalidPromotionPolicy, "Model 'odd-policy' promotes on 'rmse', which classification does not report; use one of accuracy, f1, roc_auc, log_loss."),
        ];

        foreach (var (model, _, _) in expected)
        {
            await host.Bus.SendAsync(new RetrainModel($"{model}-1", model, "test", TestData.Now));
        }

        await host.Events.WaitForAsync<TrainingFailed>(_ => host.Events.Of<TrainingFailed>().Count == expected.Length);
        await host.WaitUntilQueueEmptyAsync();
        var deadLettered = (await host.DeadLetters.PeekAsync(RetrainingQueue)).ToDictionary(m => m.MessageId);
        var failed = host.Events.Of<TrainingFailed>().ToDictionary(e => e.JobId);
        var outcomes = host.Services.GetRequiredService<JobOutcomeStore>();
        foreach (var (model, reason, description) in expected)
        {
            var recorded = await outcomes.GetFailureAsync(new TrainingJob($"{model}-1", model, null, 1), CancellationToken.None);
            Assert.Equal((reason, description), (recorded?.Reason, recorded?.Detail));
            var message = deadLettered[$"{model}-1"];
            Assert.Equal((reason, description, 1), (message.Reason, message.Description, message.DeliveryCount));
            Assert.Equal(($"{model}-1:failed", model, reason, description), (failed[$"{model}-1"].EventId, failed[$"{model}-1"].ModelId, failed[$"{model}-1"].Reason, failed[$"{model}-1"].Detail));
        }

        Assert.Empty(host.Events.Of<ModelTrained>());
        Assert.Empty(await catalog.GetVersionsAsync("tiny"));
    }

    [Fact]
    public async Task A_request_the_broker_dead_letters_by_itself_reports_failed_with_the_broker_s_reason()
    {
        var settings = new Dictionary<string, string?> { ["Training:DeadLetterSweepInterval"] = "00:00:00.100" };
        await using var host = await RetrainingHost.StartAsync(_directory.Path, settings);
        var engine = await host.GetEngineAsync();
        // Holding the model's session keeps the retraining processor away, as a consumer that dies on every delivery would;
        // the dead-lettering below is what the broker does when such a message reaches MaxDeliveryCount.
        await using var session = await engine.AcceptSessionAsync(WorkloadTopology.RetrainingQueue, "crashy", TimeSpan.FromSeconds(5));
        Assert.NotNull(session);
        await host.Bus.SendAsync(new RetrainModel("crash-1", "crashy", "test", TestData.Now));
        var received = Assert.Single(await session.ReceiveAsync(1, TimeSpan.FromSeconds(5)));
        await session.DeadLetterAsync(received.LockToken, "MaxDeliveryCountExceeded", "Message could not be consumed after 10 delivery attempts.");

        var outcomes = host.Services.GetRequiredService<JobOutcomeStore>();
        var job = new TrainingJob("crash-1", "crashy", null, 1);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var failure = await outcomes.GetFailureAsync(job, CancellationToken.None);
        while (failure is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            failure = await outcomes.GetFailureAsync(job, CancellationToken.None);
        }

        Assert.Equal(("MaxDeliveryCountExceeded", "Message could not be consumed after 10 delivery attempts."), (failure?.Reason, failure?.Detail));
        Assert.Empty(host.Events.Of<TrainingStarted>());
    }

    [Fact]
    public async Task A_request_resubmitted_from_the_dead_letter_queue_after_the_data_is_fixed_trains_as_the_same_job()
    {
        await using var host = await RetrainingHost.StartAsync(_directory.Path);
        await TestData.AddDatasetAsync(host.Catalog, "churn", LabelKind.Categorical, TestData.FollowsX1(5, seed: 1));
        await TestData.RegisterModelAsync(host.Catalog, "churn-model", "churn");
        await host.Bus.SendAsync(new RetrainModel("job-1", "churn-model", "too early", TestData.Now));
        await host.Events.WaitForAsync<TrainingFailed>();

        await TestData.AppendAsync(host.Catalog, "churn", "batch-2", TestData.FollowsX1(60, seed: 2));
        Assert.Equal(1, await host.DeadLetters.ResubmitAsync(RetrainingQueue));
        var promoted = await host.Events.WaitForAsync<ModelPromoted>();

        Assert.Equal(("job-1", 1), (promoted.JobId, promoted.Version));
        Assert.Equal("job-1", Assert.Single(await host.Catalog.GetVersionsAsync("churn-model")).JobId);
        Assert.Empty(await host.DeadLetters.PeekAsync(RetrainingQueue));
    }
}
