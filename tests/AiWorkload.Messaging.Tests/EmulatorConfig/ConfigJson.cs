using System.Text;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

/// <summary>Small Config.json documents for tests, and the official fixtures.</summary>
internal static class ConfigJson
{
    public const string Source = "Config.json";

    public static string ExamplePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "servicebus-emulator-config.example.json");

    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "servicebus-emulator-config.schema.json");

    /// <summary>A complete document around the given queue and topic array items.</summary>
    public static string Document(string queues = "", string topics = "") => $$"""
        {
          "UserConfig": {
            "Namespaces": [
              { "Name": "sbemulatorns", "Queues": [ {{queues}} ], "Topics": [ {{topics}} ] }
            ],
            "Logging": { "Type": "File" }
          }
        }
        """;

    /// <summary>A topic 't' with one subscription 's' whose Rules array holds <paramref name="rules"/>.</summary>
    public static string WithRules(string rules) =>
        Document(topics: $$"""{ "Name": "t", "Subscriptions": [ { "Name": "s", "Rules": [ {{rules}} ] } ] }""");

    public static TopologyModel Read(string json) =>
        EmulatorConfigReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), Source);

    public static TopologyException ReadError(string json) =>
        Assert.Throws<TopologyException>(() => Read(json));
}
