// Targets Pulumi 3.114.2 (Pulumi.Testing) and Pulumi.AzureNative 3.28.0 resource tokens; see Directory.Packages.props.
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Infra.Tests;

/// <summary>Settings the product topology does not use yet: rules with actions, correlation filters, forwarding, TTLs.</summary>
[Collection(PulumiCollection.Name)]
public sealed class TopologyMirrorTests
{
    private static readonly RuleDefinition HighPriority = RuleDefinition.Sql("high-priority", "user.priority > 5", "SET routed = 'yes'");

    private static readonly RuleDefinition BySubject = new(
        "by-subject",
        new CorrelationFilterDefinition
        {
            Subject = "ModelTrained",
            CorrelationId = "run-1",
            ContentType = "application/json",
            ApplicationProperties = new Dictionary<string, object?> { ["model_id"] = "churn" },
        });

    private static readonly TopologyModel Model = new(
        [
            new QueueDefinition("audit")
            {
                LockDuration = TimeSpan.FromSeconds(30),
                MaxDeliveryCount = 5,
                DefaultMessageTimeToLive = TimeSpan.FromDays(14),
                EnablePartitioning = true,
                MaxSizeInMegabytes = 2048,
            },
            // Forwards to a queue declared after it, and to a topic.
            new QueueDefinition("intake") { ForwardTo = "staging", ForwardDeadLetteredMessagesTo = "audit" },
            new QueueDefinition("staging") { ForwardTo = "events" },
        ],
        [
            new TopicDefinition("events")
            {
                DefaultMessageTimeToLive = TimeSpan.FromDays(7),
                RequiresDuplicateDetection = true,
                DuplicateDetectionHistoryTimeWindow = TimeSpan.FromMinutes(30),
                SupportOrdering = true,
                Subscriptions =
                [
                    new SubscriptionDefinition("all"),
                    new SubscriptionDefinition("routed")
                    {
                        LockDuration = TimeSpan.FromMinutes(2),
                        MaxDeliveryCount = 3,
                        DefaultMessageTimeToLive = TimeSpan.FromHours(1),
                        DeadLetteringOnMessageExpiration = true,
                        DeadLetteringOnFilterEvaluationExceptions = false,
                        RequiresSession = true,
                        ForwardDeadLetteredMessagesTo = "audit",
                        Rules = [HighPriority, BySubject],
                    },
                    new SubscriptionDefinition("declared-default")
                    {
                        Rules = [RuleDefinition.Sql("first", "user.a = 1"), RuleDefinition.Sql(EntityDefaults.DefaultRuleName, "user.b = 2")],
                    },
                    new SubscriptionDefinition("forwarder") { ForwardTo = "audit" },
                ],
            },
        ]);

    [Fact]
    public async Task Every_entity_mirrors_its_definition()
    {
        var deployed = await Deployments.RunAsync(Model);

        foreach (var queue in Model.Queues)
        {
            deployed.Mocks.Named(ServiceBusMocks.QueueType, queue.Name).MirrorsQueue(queue);
        }

        var topic = Model.Topics.Single();
        deployed.Mocks.Named(ServiceBusMocks.TopicType, topic.Name).MirrorsTopic(topic);
        foreach (var subscription in topic.Subscriptions)
        {
            deployed.Mocks.Named(ServiceBusMocks.SubscriptionType, subscription.Name).MirrorsSubscription(topic.Name, subscription);
        }
    }

    [Fact]
    public async Task A_time_to_live_is_sent_as_iso_8601_and_never_expires_is_left_out()
    {
        var deployed = await Deployments.RunAsync(Model);

        Assert.Equal("P14D", deployed.Mocks.Named(ServiceBusMocks.QueueType, "audit").Get("defaultMessageTimeToLive"));
        Assert.Equal("PT30S", deployed.Mocks.Named(ServiceBusMocks.QueueType, "audit").Get("lockDuration"));
        Assert.Equal("PT1H", deployed.Mocks.Named(ServiceBusMocks.SubscriptionType, "routed").Get("defaultMessageTimeToLive"));
        Assert.Null(deployed.Mocks.Named(ServiceBusMocks.QueueType, "intake").Get("defaultMessageTimeToLive"));
        Assert.Equal("PT30M", deployed.Mocks.Named(ServiceBusMocks.TopicType, "events").Get("duplicateDetectionHistoryTimeWindow"));
        Assert.Null(deployed.Mocks.Named(ServiceBusMocks.QueueType, "audit").Get("duplicateDetectionHistoryTimeWindow"));
    }

    [Fact]
    public async Task Forwarding_targets_are_created_and_named()
    {
        var deployed = await Deployments.RunAsync(Model);

        var intake = deployed.Mocks.Named(ServiceBusMocks.QueueType, "intake");
        Assert.Equal("staging", intake.Get("forwardTo"));
        Assert.Equal("audit", intake.Get("forwardDeadLetteredMessagesTo"));
        Assert.Equal("events", deployed.Mocks.Named(ServiceBusMocks.QueueType, "staging").Get("forwardTo"));
        Assert.Equal("audit", deployed.Mocks.Named(ServiceBusMocks.SubscriptionType, "forwarder").Get("forwardTo"));

        // A target is created before the entity that forwards to it, because the source waits on the target's name.
        var order = deployed.Mocks.OfType(ServiceBusMocks.QueueType).Select(queue => (string)queue.Inputs["queueName"]).ToList();
        Assert.True(order.IndexOf("staging") < order.IndexOf("intake"), string.Join(", ", order));
    }

    [Fact]
    public async Task The_first_rule_takes_over_default_and_the_others_become_rules()
    {
        var deployed = await Deployments.RunAsync(Model);

        var defaultRule = Assert.Single(
            deployed.Mocks.OfType(ServiceBusMocks.DefaultRuleType), rule => Equals(rule.Get("subscriptionName"), "routed"));
        defaultRule.MirrorsRule(HighPriority);
        Assert.Null(defaultRule.Get("ruleName"));

        var correlation = deployed.Mocks.Named(ServiceBusMocks.RuleType, "by-subject");
        correlation.MirrorsRule(BySubject);
        Assert.Equal("routed", correlation.Get("subscriptionName"));
        Assert.Equal("events", correlation.Get("topicName"));
        Assert.Equal("ModelTrained", correlation.Object("correlationFilter")["label"]);
    }

    [Fact]
    public async Task A_declared_default_rule_stays_default_wherever_it_is_declared()
    {
        var deployed = await Deployments.RunAsync(Model);

        var defaultRule = Assert.Single(
            deployed.Mocks.OfType(ServiceBusMocks.DefaultRuleType), rule => Equals(rule.Get("subscriptionName"), "declared-default"));
        Assert.Equal("user.b = 2", defaultRule.Object("sqlFilter")["sqlExpression"]);
        var first = deployed.Mocks.Named(ServiceBusMocks.RuleType, "first");
        Assert.Equal("user.a = 1", first.Object("sqlFilter")["sqlExpression"]);
    }

    [Fact]
    public async Task Every_subscription_has_exactly_one_default_rule_and_declared_rules_are_all_provisioned()
    {
        var deployed = await Deployments.RunAsync(Model);

        var subscriptions = Model.Topics.Single().Subscriptions;
        Assert.Equal(subscriptions.Count, deployed.Mocks.OfType(ServiceBusMocks.DefaultRuleType).Count);
        var declared = subscriptions.Sum(subscription => subscription.Rules.Count);
        var withRules = subscriptions.Count(subscription => subscription.Rules.Count > 0);
        Assert.Equal(declared - withRules, deployed.Mocks.OfType(ServiceBusMocks.RuleType).Count);

        string[] rules =
        [
            "events/all/$Default",
            "events/routed/$Default",
            "events/routed/by-subject",
            "events/declared-default/$Default",
            "events/declared-default/first",
            "events/forwarder/$Default",
        ];
        Assert.Equal(rules, await deployed.NamesAsync("rules"));
    }

    [Fact]
    public async Task A_correlation_property_that_is_not_a_string_is_refused()
    {
        var model = new TopologyModel(
            [],
            [
                new TopicDefinition("t")
                {
                    Subscriptions =
                    [
                        new SubscriptionDefinition("s")
                        {
                            Rules = [new RuleDefinition("numeric", new CorrelationFilterDefinition { ApplicationProperties = new Dictionary<string, object?> { ["score"] = 5 } })],
                        },
                    ],
                },
            ]);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Deployments.RunAsync(model));
        Assert.Contains("score", error.ToString(), StringComparison.Ordinal);
    }
}
