using System.Text.Json;
using System.Text.Json.Nodes;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

/// <summary>Checks documents against the official draft-07 schema with a real validator (NJsonSchema).</summary>
public sealed class EmulatorConfigSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromJsonAsync(File.ReadAllText(ConfigJson.SchemaPath)).GetAwaiter().GetResult());

    /// <summary>Every error as "Kind: path", nested ones included (NJsonSchema groups them under array items).</summary>
    private static List<string> Validate(string json) => Flatten(Schema.Value.Validate(json)).ToList();

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors) => errors.SelectMany(e =>
        e is ChildSchemaValidationError child
            ? Flatten(child.Errors.SelectMany(group => group.Value))
            : [$"{e.Kind}: {e.Path}"]);

    /// <summary>The official example, comments removed, as a node tree that tests can break one piece at a time.</summary>
    private static JsonNode Example() => JsonNode.Parse(
        File.ReadAllText(ConfigJson.ExamplePath),
        documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

    private static JsonNode Namespace(JsonNode root) => root["UserConfig"]!["Namespaces"]![0]!;

    [Fact]
    public void The_official_example_is_valid()
    {
        Assert.Empty(Validate(Example().ToJsonString()));
    }

    [Fact]
    public void A_rich_topology_is_written_as_a_valid_document()
    {
        var document = EmulatorConfigWriter.Write(EmulatorConfigRoundTripTests.WithinEmulatorLimits());

        Assert.Empty(Validate(document.Json));
    }

    [Fact]
    public void A_topology_beyond_the_emulators_limits_is_clamped_into_a_valid_document()
    {
        var model = new TopologyModel(
            [new QueueDefinition("q") { MaxDeliveryCount = 50, LockDuration = TimeSpan.FromSeconds(5.5), RequiresDuplicateDetection = true, DuplicateDetectionHistoryTimeWindow = TimeSpan.FromDays(7) }],
            [new TopicDefinition("t")
            {
                DuplicateDetectionHistoryTimeWindow = TimeSpan.FromSeconds(20),
                Subscriptions = [new SubscriptionDefinition("s") { LockDuration = TimeSpan.FromSeconds(5), DefaultMessageTimeToLive = TimeSpan.FromDays(365) }],
            }]);

        var document = EmulatorConfigWriter.Write(model);

        Assert.NotEmpty(document.Adjustments);
        Assert.Empty(Validate(document.Json));
    }

    [Fact]
    public void A_document_the_emulator_would_reject_fails_validation()
    {
        var tooManyDeliveries = Example();
        Namespace(tooManyDeliveries)["Queues"]![0]!["Properties"]!["MaxDeliveryCount"] = 11;
        Assert.Contains(Validate(tooManyDeliveries.ToJsonString()), e => e.StartsWith("NumberTooBig", StringComparison.Ordinal));

        var badDuration = Example();
        Namespace(badDuration)["Topics"]![0]!["Properties"]!["DefaultMessageTimeToLive"] = "1 hour";
        Assert.Contains(Validate(badDuration.ToJsonString()), e => e.StartsWith("PatternMismatch", StringComparison.Ordinal));

        var noSubscriptions = Example();
        Namespace(noSubscriptions)["Topics"]![0]!["Subscriptions"] = new JsonArray();
        Assert.Contains(Validate(noSubscriptions.ToJsonString()), e => e.StartsWith("TooFewItems", StringComparison.Ordinal));

        var otherNamespace = Example();
        Namespace(otherNamespace)["Name"] = "myns";
        Assert.Contains(Validate(otherNamespace.ToJsonString()), e => e.StartsWith("NotInEnumeration", StringComparison.Ordinal));

        var noLogging = Example();
        noLogging["UserConfig"]!.AsObject().Remove("Logging");
        Assert.Contains(Validate(noLogging.ToJsonString()), e => e.StartsWith("PropertyRequired", StringComparison.Ordinal));

        var badName = Example();
        Namespace(badName)["Queues"]![0]!["Name"] = "queue.1_";
        Assert.Contains(Validate(badName.ToJsonString()), e => e.StartsWith("PatternMismatch", StringComparison.Ordinal));
    }

    [Fact]
    public void The_writers_name_rule_agrees_with_the_schemas_pattern()
    {
        foreach (var (name, valid) in new[] { ("a", true), ("queue.1", true), ("jobs/inbox-2_b", true), ("orders_", false), ("-x", false), ("a b", false), ("$Default", false) })
        {
            var root = Example();
            Namespace(root)["Queues"]![0]!["Name"] = name;
            Assert.Equal(valid, Validate(root.ToJsonString()).Count == 0);
            Assert.Equal(valid, EmulatorConfigDefaults.NamePattern().IsMatch(name));
        }
    }
}
