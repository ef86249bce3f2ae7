using System.Text.Json;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Orchestration.Tests.Pipelines;

/// <summary>The queue the orchestrator adds to the product topology, as the emulator's Config.json receives it.</summary>
public sealed class TopologyTests
{
    [Fact]
    public void The_timers_queue_deduplicates_and_reaches_the_emulator_config()
    {
        var queue = WorkloadTopology.Model.Queues.Single(q => q.Name == WorkloadTopology.PipelineTimersQueue);
        var written = JsonDocument.Parse(EmulatorConfigWriter.Write(WorkloadTopology.Model).Json).RootElement
            .GetProperty("UserConfig").GetProperty("Namespaces")[0].GetProperty("Queues").EnumerateArray()
            .Single(q => q.GetProperty("Name").GetString() == WorkloadTopology.PipelineTimersQueue).GetProperty("Properties");

        Assert.True(queue.RequiresDuplicateDetection);
        Assert.False(queue.RequiresSession);
        Assert.True(written.GetProperty("RequiresDuplicateDetection").GetBoolean());
        Assert.Equal(WorkloadTopology.MaxDeliveryCount, written.GetProperty("MaxDeliveryCount").GetInt32());
    }
}
