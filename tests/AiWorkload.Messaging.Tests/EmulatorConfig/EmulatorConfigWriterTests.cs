using System.Text.Json;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

public sealed class EmulatorConfigWriterTests
{
    private static readonly SubscriptionDefinition Subscription = new("s");

    private static TopologyModel WithQueue(QueueDefinition queue) => new([queue], []);

    private static TopologyModel WithSubscription(SubscriptionDefinition subscription) =>
        new([], [new TopicDefinition("t") { Subscriptions = [subscription] }]);

    private static JsonElement Namespace(EmulatorConfigDocument document) =>
        JsonDocument.Parse(document.Json).RootElement.GetProperty("UserConfig").GetProperty("Namespaces")[0];

    private static JsonElement FirstSubscription(EmulatorConfigDocument document) =>
        Namespace(document).GetProperty("Topics")[0].GetProperty("Subscriptions")[0];

    [Fact]
    public void The_namespace_logging_and_every_property_are_written_explicitly()
    {
        var document = EmulatorConfigWriter.Write(new TopologyModel(
            [new QueueDefinition("q") { DefaultMessageTimeToLive = TimeSpan.FromMinutes(30), DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(1) }],
            [new TopicDefinition("t") { DefaultMessageTimeToLive = TimeSpan.FromMinutes(30), DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(1), Subscriptions = [new SubscriptionDefinition("s") { DefaultMessageTimeToLive = TimeSpan.FromMinutes(30) }] }]));

        var root = JsonDocument.Parse(document.Json).RootElement;
        Assert.Equal("File", root.GetProperty("UserConfig").GetProperty("Logging").GetProperty("Type").GetString());
        var ns = Namespace(document);
        Assert.Equal("sbemulatorns", ns.GetProperty("Name").GetString());
        var queue = ns.GetProperty("Queues")[0].GetProperty("Properties");
        Assert.Equal(
            ["DeadLetteringOnMessageExpiration", "DefaultMessageTimeToLive", "DuplicateDetectionHistoryTimeWindow", "ForwardDeadLetteredMessagesTo", "ForwardTo", "LockDuration", "MaxDeliveryCount", "RequiresDuplicateDetection", "RequiresSession"],
            queue.EnumerateObject().Select(p => p.Name));
        Assert.Equal("PT30M", queue.GetProperty("DefaultMessageTimeToLive").GetString());
        Assert.Equal("PT1M", queue.GetProperty("DuplicateDetectionHistoryTimeWindow").GetString());
        Assert.Equal("PT1M", queue.GetProperty("LockDuration").GetString());
        Assert.Equal(10, queue.GetProperty("MaxDeliveryCount").GetInt32());
        Assert.Equal("", queue.GetProperty("ForwardTo").GetString());
        var topic = ns.GetProperty("Topics")[0].GetProperty("Properties");
        Assert.Equal(["DefaultMessageTimeToLive", "DuplicateDetectionHistoryTimeWindow", "RequiresDuplicateDetection"], topic.EnumerateObject().Select(p => p.Name));
        var subscription = FirstSubscription(document);
        Assert.Equal(
            ["DeadLetteringOnMessageExpiration", "DefaultMessageTimeToLive", "LockDuration", "MaxDeliveryCount", "ForwardDeadLetteredMessagesTo", "ForwardTo", "RequiresSession"],
            subscription.GetProperty("Properties").EnumerateObject().Select(p => p.Name));
        Assert.False(subscription.TryGetProperty("Rules", out _));
        Assert.Empty(document.Adjustments);
        Assert.EndsWith("}\n", document.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delivery_count_above_10_is_clamped_and_reported()
    {
        var document = EmulatorConfigWriter.Write(WithQueue(new QueueDefinition("orders") { MaxDeliveryCount = 20, DefaultMessageTimeToLive = TimeSpan.FromHours(1), DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(1) }));

        var adjustment = Assert.Single(document.Adjustments);
        Assert.Equal(new EmulatorConfigAdjustment("queue 'orders'", "MaxDeliveryCount", "20", "10", "the emulator allows 1..10"), adjustment);
        Assert.Equal("queue 'orders' MaxDeliveryCount: 20 -> 10 (the emulator allows 1..10)", adjustment.ToString());
        Assert.Equal(10, Namespace(document).GetProperty("Queues")[0].GetProperty("Properties").GetProperty("MaxDeliveryCount").GetInt32());
    }

    [Theory]
    [InlineData(24 * 60, "P1D", "PT1H")]
    [InlineData(1, "PT1M", "PT5M")]
    public void A_time_to_live_outside_5_minutes_to_1_hour_is_clamped_and_reported(int minutes, string original, string written)
    {
        var document = EmulatorConfigWriter.Write(WithSubscription(new SubscriptionDefinition("s") { DefaultMessageTimeToLive = TimeSpan.FromMinutes(minutes) }));

        Assert.Contains(new EmulatorConfigAdjustment("topic 't' subscription 's'", "DefaultMessageTimeToLive", original, written, "the emulator allows PT5M..PT1H"), document.Adjustments);
        Assert.Equal(written, FirstSubscription(document).GetProperty("Properties").GetProperty("DefaultMessageTimeToLive").GetString());
    }

    [Fact]
    public void The_services_never_expiring_default_time_to_live_is_reported_readably()
    {
        var document = EmulatorConfigWriter.Write(WithQueue(new QueueDefinition("q")));

        Assert.Contains(new EmulatorConfigAdjustment("queue 'q'", "DefaultMessageTimeToLive", "TimeSpan.MaxValue (never expires)", "PT1H", "the emulator allows PT5M..PT1H"), document.Adjustments);
        Assert.Contains(new EmulatorConfigAdjustment("queue 'q'", "DuplicateDetectionHistoryTimeWindow", "PT10M", "PT5M", "the emulator allows PT5S..PT5M"), document.Adjustments);
    }

    [Fact]
    public void Lock_durations_are_clamped_to_the_schemas_per_entity_ranges()
    {
        var queue = new QueueDefinition("q") { LockDuration = TimeSpan.FromSeconds(5) };
        var subscription = new SubscriptionDefinition("s") { LockDuration = TimeSpan.FromSeconds(30) };
        var document = EmulatorConfigWriter.Write(new TopologyModel([queue], [new TopicDefinition("t") { Subscriptions = [subscription] }]));

        Assert.DoesNotContain(document.Adjustments, a => a is { Entity: "queue 'q'", Field: "LockDuration" });
        Assert.Contains(new EmulatorConfigAdjustment("topic 't' subscription 's'", "LockDuration", "PT30S", "PT1M", "the emulator allows PT1M..PT5M"), document.Adjustments);
        Assert.Equal("PT5S", Namespace(document).GetProperty("Queues")[0].GetProperty("Properties").GetProperty("LockDuration").GetString());
    }

    [Fact]
    public void Fractions_of_a_second_are_rounded_and_reported()
    {
        var document = EmulatorConfigWriter.Write(WithQueue(new QueueDefinition("q") { LockDuration = TimeSpan.FromMilliseconds(30_600) }));

        Assert.Contains(new EmulatorConfigAdjustment("queue 'q'", "LockDuration", "00:00:30.6000000", "PT31S", "the emulator takes whole seconds only"), document.Adjustments);
    }

    [Fact]
    public void Settings_the_file_cannot_hold_are_reported_as_omitted()
    {
        var document = EmulatorConfigWriter.Write(new TopologyModel(
            [new QueueDefinition("q") { EnablePartitioning = true, MaxSizeInMegabytes = 5120 }],
            [new TopicDefinition("t") { SupportOrdering = true, Subscriptions = [new SubscriptionDefinition("s") { DeadLetteringOnFilterEvaluationExceptions = false }] }]));

        Assert.Contains(new EmulatorConfigAdjustment("queue 'q'", "EnablePartitioning", "True", null, "the emulator's Config.json has no such property"), document.Adjustments);
        Assert.Contains(document.Adjustments, a => a is { Entity: "queue 'q'", Field: "MaxSizeInMegabytes", Original: "5120", Written: null });
        Assert.Contains(document.Adjustments, a => a is { Entity: "topic 't'", Field: "SupportOrdering", Written: null });
        var omitted = Assert.Single(document.Adjustments, a => a.Field == "DeadLetteringOnFilterEvaluationExceptions");
        Assert.Equal("topic 't' subscription 's' DeadLetteringOnFilterEvaluationExceptions: False omitted (the emulator's Config.json has no such property)", omitted.ToString());
    }

    [Fact]
    public void Rules_are_written_with_their_filter_types_and_actions()
    {
        var document = EmulatorConfigWriter.Write(WithSubscription(Subscription with
        {
            Rules =
            [
                RuleDefinition.Sql("sql", "user.trigger = 'model_training'", "SET sys.Label = 'x'"),
                new RuleDefinition("all", TrueFilterDefinition.Instance),
                new RuleDefinition("corr", new CorrelationFilterDefinition { Subject = "subject", ContentType = "application/json" }),
            ],
        }));

        var rules = FirstSubscription(document).GetProperty("Rules");
        Assert.Equal(3, rules.GetArrayLength());
        var sql = rules[0].GetProperty("Properties");
        Assert.Equal("Sql", sql.GetProperty("FilterType").GetString());
        Assert.Equal("user.trigger = 'model_training'", sql.GetProperty("SqlFilter").GetProperty("SqlExpression").GetString());
        Assert.Equal("SET sys.Label = 'x'", sql.GetProperty("Action").GetProperty("SqlExpression").GetString());
        Assert.Contains("'model_training'", document.Json, StringComparison.Ordinal);
        Assert.Equal("1=1", rules[1].GetProperty("Properties").GetProperty("SqlFilter").GetProperty("SqlExpression").GetString());
        Assert.False(rules[1].GetProperty("Properties").TryGetProperty("Action", out _));
        var correlation = rules[2].GetProperty("Properties");
        Assert.Equal("Correlation", correlation.GetProperty("FilterType").GetString());
        Assert.Equal(["ContentType", "Label"], correlation.GetProperty("CorrelationFilter").EnumerateObject().Select(p => p.Name));
        Assert.Equal("subject", correlation.GetProperty("CorrelationFilter").GetProperty("Label").GetString());
    }

    [Fact]
    public void A_subscription_with_only_the_implicit_default_rule_writes_no_rules()
    {
        var document = EmulatorConfigWriter.Write(WithSubscription(Subscription with { Rules = [RuleDefinition.Default] }));

        Assert.False(FirstSubscription(document).TryGetProperty("Rules", out _));
    }

    [Fact]
    public void Correlation_application_properties_are_written_as_json_primitives()
    {
        var properties = new Dictionary<string, object?> { ["text"] = "v", ["count"] = 42, ["whole"] = 2.0, ["ratio"] = 0.25, ["flag"] = false };
        var document = EmulatorConfigWriter.Write(WithSubscription(Subscription with
        {
            Rules = [new RuleDefinition("r", new CorrelationFilterDefinition { ApplicationProperties = properties })],
        }));

        var written = FirstSubscription(document).GetProperty("Rules")[0].GetProperty("Properties").GetProperty("CorrelationFilter").GetProperty("Properties");
        Assert.Equal("v", written.GetProperty("text").GetString());
        Assert.Equal(42, written.GetProperty("count").GetInt64());
        Assert.Equal("2.0", written.GetProperty("whole").GetRawText());
        Assert.Equal(0.25, written.GetProperty("ratio").GetDouble());
        Assert.Equal(JsonValueKind.False, written.GetProperty("flag").ValueKind);
    }

    [Fact]
    public void A_guid_application_property_is_written_as_a_string_and_reported()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var document = EmulatorConfigWriter.Write(WithSubscription(Subscription with
        {
            Rules = [new RuleDefinition("r", new CorrelationFilterDefinition { ApplicationProperties = new Dictionary<string, object?> { ["id"] = id } })],
        }));

        var adjustment = Assert.Single(document.Adjustments, a => a.Field == "Properties['id']");
        Assert.Equal("topic 't' subscription 's' rule 'r' CorrelationFilter", adjustment.Entity);
        Assert.Equal("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", adjustment.Written);
    }

    [Fact]
    public void A_null_application_property_cannot_be_written()
    {
        var model = WithSubscription(Subscription with
        {
            Rules = [new RuleDefinition("r", new CorrelationFilterDefinition { ApplicationProperties = new Dictionary<string, object?> { ["p"] = null } })],
        });

        var error = Assert.Throws<TopologyException>(() => EmulatorConfigWriter.Write(model));

        Assert.Equal("topic 't' subscription 's' rule 'r' CorrelationFilter Properties['p']", error.Location);
        Assert.Equal("a null value cannot be written to the emulator's Config.json", error.Reason);
    }

    [Fact]
    public void More_than_50_queues_and_topics_cannot_be_written()
    {
        var queues = Enumerable.Range(0, 40).Select(i => new QueueDefinition($"q{i}")).ToList();
        var topics = Enumerable.Range(0, 11).Select(i => new TopicDefinition($"t{i}") { Subscriptions = [Subscription] }).ToList();

        var error = Assert.Throws<TopologyException>(() => EmulatorConfigWriter.Write(new TopologyModel(queues, topics)));

        Assert.Equal("topology", error.Location);
        Assert.Equal("the emulator allows at most 50 queues and topics together; this topology has 51", error.Reason);
    }

    [Fact]
    public void A_topic_without_subscriptions_cannot_be_written()
    {
        var error = Assert.Throws<TopologyException>(() => EmulatorConfigWriter.Write(new TopologyModel([], [new TopicDefinition("lonely")])));

        Assert.Equal("topic 'lonely'", error.Location);
        Assert.Equal("the emulator requires 1..50 subscriptions; this one has 0", error.Reason);
    }

    [Theory]
    [InlineData("orders_", "queue 'orders_'")]
    [InlineData("café", "queue 'café'")]
    public void A_queue_name_outside_the_schemas_pattern_cannot_be_written(string name, string location)
    {
        var error = Assert.Throws<TopologyException>(() => EmulatorConfigWriter.Write(WithQueue(new QueueDefinition(name))));

        Assert.Equal(location, error.Location);
        Assert.EndsWith($"'{name}' is not one", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_name_outside_the_schemas_pattern_cannot_be_written()
    {
        var model = WithSubscription(Subscription with { Rules = [RuleDefinition.Default, RuleDefinition.Sql("by type", "a = 1")] });

        var error = Assert.Throws<TopologyException>(() => EmulatorConfigWriter.Write(model));

        Assert.Equal("topic 't' subscription 's' rule '$Default'", error.Location);
        Assert.StartsWith("the emulator only accepts names of ASCII letters", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_model_is_rejected_before_writing()
    {
        var error = Assert.Throws<TopologyException>(() => EmulatorConfigWriter.Write(WithQueue(new QueueDefinition("q") { MaxDeliveryCount = 0 })));

        Assert.Equal("queue 'q' MaxDeliveryCount", error.Location);
    }

    [Fact]
    public void Writing_to_a_file_writes_the_document_it_returns()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-config-");
        try
        {
            var path = Path.Combine(directory.FullName, "Config.json");

            var document = EmulatorConfigWriter.WriteToFile(WithQueue(new QueueDefinition("q") { MaxDeliveryCount = 20 }), path);

            Assert.Equal(document.Json, File.ReadAllText(path));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
            Assert.Equal(10, EmulatorConfigReader.Read(path).Queues[0].MaxDeliveryCount);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
