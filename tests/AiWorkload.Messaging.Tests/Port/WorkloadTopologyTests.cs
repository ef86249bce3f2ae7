using System.Text.Json;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Tests.Port;

/// <summary>The product topology keeps the seeds' settings, and the emulator's Config.json is written from the same model.</summary>
public sealed class WorkloadTopologyTests
{
    [Fact]
    public void The_retraining_queue_has_the_seed_settings()
    {
        var queue = WorkloadTopology.Model.Queues.Single(q => q.Name == WorkloadTopology.RetrainingQueue);

        Assert.Equal(10, queue.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromMinutes(1), queue.LockDuration);
        Assert.True(queue.RequiresDuplicateDetection);
        Assert.True(queue.RequiresSession);
    }

    [Fact]
    public void The_workload_topic_is_partitioned_with_a_subscription_per_consumer_and_the_training_rule()
    {
        var topic = Assert.Single(WorkloadTopology.Model.Topics);

        Assert.Equal(WorkloadTopology.WorkloadEventsTopic, topic.Name);
        Assert.True(topic.EnablePartitioning);
        Assert.Equal(["orchestrator", "preprocessing", "training", "inference"], topic.Subscriptions.Select(s => s.Name));
        var training = topic.Subscriptions.Single(s => s.Name == WorkloadTopology.TrainingSubscription);
        var rule = Assert.Single(training.Rules);
        Assert.Equal("user.trigger = 'model_training'", Assert.IsType<SqlFilterDefinition>(rule.Filter).Expression);
        Assert.Contains(WorkloadTopology.Model.Queues, q => q.Name == WorkloadTopology.PipelineRunsQueue);
    }

    [Fact]
    public void The_emulator_config_written_from_the_model_carries_the_training_rule_and_the_retraining_queue()
    {
        var root = JsonDocument.Parse(EmulatorConfigWriter.Write(WorkloadTopology.Model).Json).RootElement;
        var ns = root.GetProperty("UserConfig").GetProperty("Namespaces")[0];

        var queue = ns.GetProperty("Queues").EnumerateArray().Single(q => q.GetProperty("Name").GetString() == WorkloadTopology.RetrainingQueue).GetProperty("Properties");
        Assert.Equal("PT1M", queue.GetProperty("LockDuration").GetString());
        Assert.True(queue.GetProperty("RequiresSession").GetBoolean());
        var training = ns.GetProperty("Topics")[0].GetProperty("Subscriptions").EnumerateArray().Single(s => s.GetProperty("Name").GetString() == "training");
        Assert.Contains("user.trigger = 'model_training'", training.GetProperty("Rules").GetRawText(), StringComparison.Ordinal);
    }
}
