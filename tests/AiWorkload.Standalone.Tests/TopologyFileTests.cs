using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Standalone.Tests;

public sealed class TopologyFileTests
{
    [Fact]
    public void The_product_topology_has_everything_the_services_need()
    {
        Assert.Empty(TopologyRequirements.MissingEntities(WorkloadTopology.Model, WorkloadTopology.Model));
    }

    [Fact]
    public void An_emulator_file_without_the_product_entities_is_reported_with_each_missing_one()
    {
        var example = EmulatorConfigReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "servicebus-emulator-config.example.json"));

        var missing = TopologyRequirements.MissingEntities(example, WorkloadTopology.Model);

        Assert.Contains(WorkloadTopology.RetrainingQueue, missing);
        Assert.Contains("workload-events/Subscriptions/training", missing);
    }

    [Fact]
    public void A_file_written_from_the_product_topology_satisfies_the_services()
    {
        var json = EmulatorConfigWriter.Write(WorkloadTopology.Model).Json;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Empty(TopologyRequirements.MissingEntities(EmulatorConfigReader.Read(stream, "Config.json"), WorkloadTopology.Model));
    }
}
