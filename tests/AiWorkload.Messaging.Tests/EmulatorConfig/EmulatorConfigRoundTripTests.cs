using System.Text;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Messaging.Tests.EmulatorConfig;

public sealed class EmulatorConfigRoundTripTests
{
    /// <summary>Every setting the file can hold, each away from both the service's and the emulator's defaults.</summary>
    internal static TopologyModel WithinEmulatorLimits() => new(
        [
            new QueueDefinition("jobs/inbox")
            {
                LockDuration = TimeSpan.FromSeconds(45),
                MaxDeliveryCount = 7,
                DefaultMessageTimeToLive = TimeSpan.FromMinutes(30),
                DeadLetteringOnMessageExpiration = true,
                RequiresDuplicateDetection = true,
                DuplicateDetectionHistoryTimeWindow = TimeSpan.FromSeconds(90),
                ForwardTo = "workload",
                ForwardDeadLetteredMessagesTo = "failed",
            },
            new QueueDefinition("failed")
            {
                RequiresSession = true,
                DefaultMessageTimeToLive = TimeSpan.FromMinutes(5),
                MaxDeliveryCount = 1,
                DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(1),
            },
        ],
        [
            new TopicDefinition("workload")
            {
                DefaultMessageTimeToLive = TimeSpan.FromMinutes(50),
                RequiresDuplicateDetection = true,
                DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(5),
                Subscriptions =
                [
                    new SubscriptionDefinition("training")
                    {
                        LockDuration = TimeSpan.FromMinutes(5),
                        MaxDeliveryCount = 2,
                        DefaultMessageTimeToLive = TimeSpan.FromMinutes(20),
                        DeadLetteringOnMessageExpiration = true,
                        ForwardDeadLetteredMessagesTo = "failed",
                        Rules =
                        [
                            RuleDefinition.Sql("by-trigger", "user.trigger = 'model_training' AND sys.Label LIKE 'a%'", "SET sys.To = 'x'; REMOVE foo"),
                            new RuleDefinition("everything", TrueFilterDefinition.Instance, "SET copied = TRUE"),
                        ],
                    },
                    new SubscriptionDefinition("inference")
                    {
                        RequiresSession = true,
                        DefaultMessageTimeToLive = TimeSpan.FromHours(1),
                        Rules =
                        [
                            new RuleDefinition("correlated", new CorrelationFilterDefinition
                            {
                                ContentType = "application/json", CorrelationId = "c", Subject = "s", MessageId = "m",
                                ReplyTo = "r", ReplyToSessionId = "rs", SessionId = "ss", To = "t",
                                ApplicationProperties = new Dictionary<string, object?>
                                {
                                    ["kind"] = "inference", ["priority"] = 3L, ["weight"] = 1.0, ["urgent"] = true, ["odd name"] = -2.5,
                                },
                            }),
                        ],
                    },
                    new SubscriptionDefinition("audit") { DefaultMessageTimeToLive = TimeSpan.FromMinutes(5), ForwardTo = "failed" },
                ],
            },
        ]);

    private static TopologyModel WriteThenRead(TopologyModel model, out EmulatorConfigDocument document)
    {
        document = EmulatorConfigWriter.Write(model);
        return EmulatorConfigReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(document.Json)), "Config.json");
    }

    [Fact]
    public void A_topology_within_the_emulators_limits_survives_write_then_read_unchanged()
    {
        var model = WithinEmulatorLimits();

        var read = WriteThenRead(model, out var document);

        Assert.Empty(document.Adjustments);
        Assert.Equal(TopologyText.Describe(model), TopologyText.Describe(read));
    }

    [Fact]
    public void A_topology_beyond_the_emulators_limits_reads_back_clamped()
    {
        var model = new TopologyModel(
            [new QueueDefinition("q") { MaxDeliveryCount = 20 }],
            [new TopicDefinition("t")
            {
                DefaultMessageTimeToLive = TimeSpan.FromDays(14),
                Subscriptions = [new SubscriptionDefinition("s") { LockDuration = TimeSpan.FromSeconds(10), DefaultMessageTimeToLive = TimeSpan.FromSeconds(30) }],
            }]);
        var clamped = new TopologyModel(
            [new QueueDefinition("q") { MaxDeliveryCount = 10, DefaultMessageTimeToLive = TimeSpan.FromHours(1), DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(5) }],
            [new TopicDefinition("t")
            {
                DefaultMessageTimeToLive = TimeSpan.FromHours(1),
                DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(5),
                Subscriptions = [new SubscriptionDefinition("s") { LockDuration = TimeSpan.FromMinutes(1), DefaultMessageTimeToLive = TimeSpan.FromMinutes(5) }],
            }]);

        var read = WriteThenRead(model, out var document);

        Assert.Equal(TopologyText.Describe(clamped), TopologyText.Describe(read));
        Assert.Equal(7, document.Adjustments.Count);
    }

    [Fact]
    public void The_official_example_survives_read_write_read()
    {
        var example = EmulatorConfigReader.Read(ConfigJson.ExamplePath);

        var again = WriteThenRead(example, out var document);

        Assert.Empty(document.Adjustments);
        Assert.Equal(TopologyText.Describe(example), TopologyText.Describe(again));
    }
}
