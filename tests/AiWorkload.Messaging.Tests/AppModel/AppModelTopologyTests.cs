using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.AppModel;

namespace AiWorkload.Messaging.Tests.AppModel;

/// <summary>The AppHost declares every entity of the model with every setting Aspire can hold, and reports the rest.</summary>
public sealed class AppModelTopologyTests
{
    private static readonly AppModelDeclaration Workload = AppModelTopology.From(WorkloadTopology.Model, ["api", "retraining", "orchestrator", "messaging"]);

    [Fact]
    public void The_retraining_queue_keeps_the_seed_settings()
    {
        var queue = Workload.Queues.Single(q => q.QueueName == WorkloadTopology.RetrainingQueue);

        Assert.Equal("model-retraining", queue.ResourceName);
        Assert.Equal(TimeSpan.FromMinutes(1), queue.LockDuration);
        Assert.Equal(10, queue.MaxDeliveryCount);
        Assert.True(queue.RequiresSession);
        Assert.True(queue.RequiresDuplicateDetection);
        Assert.Equal(EntityDefaults.DuplicateDetectionWindow, queue.DuplicateDetectionHistoryTimeWindow);
        Assert.True(queue.DeadLetteringOnMessageExpiration);
        Assert.Null(queue.ForwardTo);
    }

    [Fact]
    public void Never_expiring_is_left_to_the_service_default()
    {
        Assert.All(Workload.Queues, q => Assert.Null(q.DefaultMessageTimeToLive));
        var subscriptions = Workload.Topics.SelectMany(t => t.Subscriptions).ToList();
        var taps = subscriptions.Where(s => s.DefaultMessageTimeToLive is not null).ToList();
        Assert.Equal(2, taps.Count); // preprocessing and training, the stage taps nobody in the product reads
        Assert.All(taps, s => Assert.Equal(WorkloadTopology.StageTapTimeToLive, s.DefaultMessageTimeToLive));
        Assert.Equal(2, subscriptions.Count(s => s.DefaultMessageTimeToLive is null));
        Assert.Equal(TimeSpan.FromHours(2), AppModelTopology.TimeToLive(TimeSpan.FromHours(2)));
    }

    [Fact]
    public void The_duplicate_window_is_declared_only_with_duplicate_detection()
    {
        Assert.Null(AppModelTopology.DuplicateDetectionWindow(false, TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromMinutes(10), AppModelTopology.DuplicateDetectionWindow(true, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Every_subscription_is_declared_under_a_name_prefixed_by_its_topic()
    {
        var topic = Assert.Single(Workload.Topics);

        Assert.Equal("workload-events", topic.ResourceName);
        Assert.True(topic.RequiresDuplicateDetection);
        Assert.Equal(
            ["workload-events-orchestrator", "workload-events-preprocessing", "workload-events-training", "workload-events-inference"],
            topic.Subscriptions.Select(s => s.ResourceName));
        Assert.All(topic.Subscriptions, s => Assert.Equal(10, s.MaxDeliveryCount));
    }

    [Fact]
    public void The_training_SQL_rule_and_the_topic_partitioning_are_reported_not_dropped_silently()
    {
        var training = Workload.Topics[0].Subscriptions.Single(s => s.SubscriptionName == WorkloadTopology.TrainingSubscription);

        Assert.Empty(training.CorrelationRules);
        Assert.Contains(Workload.Omissions, o => o.Entity == "topic 'workload-events' subscription 'training'" && o.Field == $"Rules['{WorkloadTopology.TrainingRuleName}']");
        Assert.Contains(Workload.Omissions, o => o.Entity == "topic 'workload-events'" && o.Field == nameof(TopicDefinition.EnablePartitioning));
    }

    [Fact]
    public void Correlation_rules_carry_every_field_and_their_properties()
    {
        var model = new TopologyModel([], [new TopicDefinition("events")
        {
            Subscriptions =
            [
                new SubscriptionDefinition("lifecycle")
                {
                    Rules =
                    [
                        new RuleDefinition("promoted", new CorrelationFilterDefinition
                        {
                            Subject = "ModelPromoted",
                            To = "inference",
                            CorrelationId = "run-1",
                            ApplicationProperties = new Dictionary<string, object?> { ["trigger"] = "model_lifecycle", ["priority"] = 3L },
                        }, "SET user.seen = TRUE"),
                    ],
                },
            ],
        }]);

        var declaration = AppModelTopology.From(model);

        var rule = Assert.Single(declaration.Topics[0].Subscriptions[0].CorrelationRules);
        Assert.Equal("promoted", rule.Name);
        Assert.Equal("ModelPromoted", rule.Subject);
        Assert.Equal("inference", rule.To);
        Assert.Equal("run-1", rule.CorrelationId);
        Assert.Equal("model_lifecycle", rule.Properties["trigger"]);
        Assert.Equal(3L, rule.Properties["priority"]);
        Assert.Contains(declaration.Omissions, o => o.Field == "Rules['promoted'] Action");
    }

    [Fact]
    public void A_subscription_whose_only_rule_is_the_true_filter_needs_no_rule_and_reports_nothing()
    {
        var model = new TopologyModel([], [new TopicDefinition("events") { Subscriptions = [new SubscriptionDefinition("all") { Rules = [RuleDefinition.Default] }] }]);

        var declaration = AppModelTopology.From(model);

        Assert.Empty(declaration.Topics[0].Subscriptions[0].CorrelationRules);
        Assert.Empty(declaration.Omissions);
    }

    [Fact]
    public void Settings_Aspire_has_no_property_for_are_reported()
    {
        var model = new TopologyModel(
            [new QueueDefinition("big") { EnablePartitioning = true, MaxSizeInMegabytes = 5120 }],
            [new TopicDefinition("events") { SupportOrdering = true, Subscriptions = [new SubscriptionDefinition("strict") { DeadLetteringOnFilterEvaluationExceptions = false }] }]);

        var fields = AppModelTopology.From(model).Omissions.Select(o => o.Field).ToList();

        Assert.Equal(
            [nameof(QueueDefinition.EnablePartitioning), nameof(QueueDefinition.MaxSizeInMegabytes), nameof(TopicDefinition.SupportOrdering), nameof(SubscriptionDefinition.DeadLetteringOnFilterEvaluationExceptions)],
            fields);
    }

    [Fact]
    public void An_entity_whose_resource_name_is_taken_is_refused_with_both_names()
    {
        var model = new TopologyModel([new QueueDefinition("api")], []);

        var error = Assert.Throws<TopologyException>(() => AppModelTopology.From(model, ["api"]));

        Assert.Contains("queue 'api'", error.Message, StringComparison.Ordinal);
        Assert.Contains("resource 'api'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_names_that_sanitize_to_the_same_resource_name_are_refused()
    {
        var model = new TopologyModel([new QueueDefinition("jobs.v1"), new QueueDefinition("jobs_v1")], []);

        Assert.Throws<TopologyException>(() => AppModelTopology.From(model));
    }
}
