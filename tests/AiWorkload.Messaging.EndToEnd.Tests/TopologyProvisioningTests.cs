using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests;

/// <summary>The engine provisions itself from the one topology model, with the settings the seeds give.</summary>
public sealed class TopologyProvisioningTests
{
    [Fact]
    public async Task The_engine_provisions_the_product_topology_with_the_seed_settings()
    {
        await using var bus = await TestBus.StartAsync(topology: WorkloadTopology.Model, pingQueue: WorkloadTopology.PipelineRunsQueue);
        var engine = await bus.GetEngineAsync();

        var retraining = engine.GetQueue(WorkloadTopology.RetrainingQueue);
        Assert.Equal(10, retraining.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromMinutes(1), retraining.LockDuration);
        Assert.True(retraining.RequiresDuplicateDetection);
        Assert.True(retraining.RequiresSession);
        Assert.Contains(WorkloadTopology.PipelineRunsQueue, engine.GetQueueNames());
        Assert.Equal([WorkloadTopology.WorkloadEventsTopic], engine.GetTopicNames());

        var subscriptions = engine.GetSubscriptions(WorkloadTopology.WorkloadEventsTopic);
        Assert.Equal(
            [WorkloadTopology.OrchestratorSubscription, WorkloadTopology.PreprocessingSubscription, WorkloadTopology.TrainingSubscription, WorkloadTopology.InferenceSubscription],
            subscriptions.Select(s => s.Name));
        var rule = Assert.Single(subscriptions.Single(s => s.Name == WorkloadTopology.TrainingSubscription).Rules);
        Assert.Equal("user.trigger = 'model_training'", Assert.IsType<SqlFilterDefinition>(rule.Filter).Expression);
    }
}
