using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Embedded.Tests;

/// <summary>The official emulator example file provisions the engine and its entities behave as the file says.</summary>
public sealed class EmulatorConfigEngineTests
{
    private static readonly string ExamplePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "servicebus-emulator-config.example.json");

    [Fact]
    public async Task The_official_example_loads_and_routes_as_described()
    {
        await using var bus = await TestEngine.OpenAsync(EmulatorConfigReader.Read(ExamplePath));
        Assert.Equal(3, bus.GetQueue("queue.1").MaxDeliveryCount);

        var json = TestEngine.Message("json", "123456");
        json.ContentType = "application/json";
        json.ApplicationProperties["userProp1"] = "value1";
        var prop = TestEngine.Message("prop1");
        prop.ApplicationProperties["prop1"] = "value1";
        await bus.SendAsync("topic.1", [json, prop]);

        string Sub(string name) => EntityPaths.Subscription("topic.1", name);
        Assert.Equal(["json"], (await bus.ReceiveAsync(Sub("subscription.1"), 10, TimeSpan.Zero)).Select(m => m.Text()));
        Assert.Equal(["prop1"], (await bus.ReceiveAsync(Sub("subscription.2"), 10, TimeSpan.Zero)).Select(m => m.Text()));
        Assert.Equal(2, (await bus.ReceiveAsync(Sub("subscription.3"), 10, TimeSpan.Zero)).Count);
        var routed = Assert.Single(await bus.ReceiveAsync(Sub("subscription.4"), 10, TimeSpan.Zero));
        Assert.Equal("json", routed.Text());
        Assert.Equal("Entity", routed.To);

        await bus.SendAsync("queue.1", TestEngine.Message("q"));
        Assert.Equal("q", (await bus.ReceiveOneAsync("queue.1")).Text());
    }
}
