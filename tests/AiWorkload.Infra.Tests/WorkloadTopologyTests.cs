// Targets Pulumi 3.114.2 (Pulumi.Testing) and Pulumi.AzureNative 3.28.0 resource tokens; see Directory.Packages.props.
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Infra.Tests;

/// <summary>The product topology (<see cref="WorkloadTopology.Model"/>) is what Azure gets, setting for setting.</summary>
[Collection(PulumiCollection.Name)]
public sealed class WorkloadTopologyTests
{
    private static readonly TopologyModel Model = WorkloadTopology.Model;

    [Fact]
    public async Task Every_queue_of_the_model_is_created_with_its_settings()
    {
        var deployed = await Deployments.RunAsync(Model);

        Assert.Equal(Model.Queues.Count, deployed.Mocks.OfType(ServiceBusMocks.QueueType).Count);
        foreach (var queue in Model.Queues)
        {
            deployed.Mocks.Named(ServiceBusMocks.QueueType, queue.Name).MirrorsQueue(queue);
        }
    }

    [Fact]
    public async Task The_retraining_queue_keeps_the_seed_settings()
    {
        var deployed = await Deployments.RunAsync(Model);

        var queue = deployed.Mocks.Named(ServiceBusMocks.QueueType, WorkloadTopology.RetrainingQueue);
        Assert.Equal("PT1M", queue.Get("lockDuration"));
        Assert.Equal(10d, queue.Get("maxDeliveryCount"));
        Assert.True(queue.Flag("requiresDuplicateDetection"));
        Assert.Equal("PT10M", queue.Get("duplicateDetectionHistoryTimeWindow"));
        Assert.True(queue.Flag("requiresSession"));
        Assert.Equal("rg-aiworkload-test", queue.Get("resourceGroupName"));
        Assert.Equal("aiworkload-test-bus", queue.Get("namespaceName"));
        Assert.Null(queue.Get("defaultMessageTimeToLive"));
        Assert.NotNull(deployed.Mocks.Named(ServiceBusMocks.QueueType, WorkloadTopology.PipelineRunsQueue));
    }

    [Fact]
    public async Task Every_topic_is_created_and_the_workload_topic_is_partitioned()
    {
        var deployed = await Deployments.RunAsync(Model);

        Assert.Equal(Model.Topics.Count, deployed.Mocks.OfType(ServiceBusMocks.TopicType).Count);
        foreach (var topic in Model.Topics)
        {
            deployed.Mocks.Named(ServiceBusMocks.TopicType, topic.Name).MirrorsTopic(topic);
        }

        var workload = deployed.Mocks.Named(ServiceBusMocks.TopicType, WorkloadTopology.WorkloadEventsTopic);
        Assert.True(workload.Flag("enablePartitioning"));
    }

    [Fact]
    public async Task Every_subscription_is_created_with_its_settings()
    {
        var deployed = await Deployments.RunAsync(Model);

        var expected = Model.Topics.SelectMany(topic => topic.Subscriptions.Select(subscription => (topic.Name, subscription))).ToList();
        Assert.Equal(expected.Count, deployed.Mocks.OfType(ServiceBusMocks.SubscriptionType).Count);
        foreach (var (topic, subscription) in expected)
        {
            var resource = Assert.Single(
                deployed.Mocks.OfType(ServiceBusMocks.SubscriptionType),
                candidate => Equals(candidate.Get("topicName"), topic) && Equals(candidate.Get("subscriptionName"), subscription.Name));
            resource.MirrorsSubscription(topic, subscription);
        }

        string[] paths =
        [
            $"{WorkloadTopology.WorkloadEventsTopic}/{WorkloadTopology.OrchestratorSubscription}",
            $"{WorkloadTopology.WorkloadEventsTopic}/{WorkloadTopology.PreprocessingSubscription}",
            $"{WorkloadTopology.WorkloadEventsTopic}/{WorkloadTopology.TrainingSubscription}",
            $"{WorkloadTopology.WorkloadEventsTopic}/{WorkloadTopology.InferenceSubscription}",
        ];
        Assert.Equal(paths, await deployed.NamesAsync("subscriptions"));
    }

    [Fact]
    public async Task The_training_subscription_replaces_the_default_true_filter_with_its_sql_rule()
    {
        var deployed = await Deployments.RunAsync(Model);

        var training = Model.Topics.Single().Subscriptions.Single(subscription => subscription.Name == WorkloadTopology.TrainingSubscription);
        var defaultRule = Assert.Single(
            deployed.Mocks.OfType(ServiceBusMocks.DefaultRuleType),
            rule => Equals(rule.Get("subscriptionName"), WorkloadTopology.TrainingSubscription));
        Assert.Equal("user.trigger = 'model_training'", defaultRule.Object("sqlFilter")["sqlExpression"]);
        defaultRule.MirrorsRule(training.Rules.Single());
        Assert.Equal(WorkloadTopology.WorkloadEventsTopic, defaultRule.Get("topicName"));
        Assert.Equal("aiworkload-test-bus", defaultRule.Get("namespaceName"));

        // Its single rule lives in $Default, so no Rule resource (and no true filter) is left.
        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.RuleType));
    }

    [Fact]
    public async Task Subscriptions_without_rules_keep_the_true_filter_and_get_no_rule_resource()
    {
        var deployed = await Deployments.RunAsync(Model);

        foreach (var name in new[] { WorkloadTopology.OrchestratorSubscription, WorkloadTopology.PreprocessingSubscription, WorkloadTopology.InferenceSubscription })
        {
            var defaultRule = Assert.Single(
                deployed.Mocks.OfType(ServiceBusMocks.DefaultRuleType),
                rule => Equals(rule.Get("subscriptionName"), name));
            defaultRule.MirrorsRule(RuleDefinition.Default);
        }

        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.RuleType));
        Assert.Contains($"{WorkloadTopology.WorkloadEventsTopic}/{WorkloadTopology.TrainingSubscription}/$Default", await deployed.NamesAsync("rules"));
    }

    [Fact]
    public async Task Outputs_name_every_entity()
    {
        var deployed = await Deployments.RunAsync(Model);

        Assert.Equal(Model.Queues.Select(queue => queue.Name), await deployed.NamesAsync("queues"));
        Assert.Equal(Model.Topics.Select(topic => topic.Name), await deployed.NamesAsync("topics"));
        Assert.Equal("aiworkload-test-bus", await deployed.ValueAsync<string>("namespaceName"));
        Assert.Equal("rg-aiworkload-test", await deployed.ValueAsync<string>("resourceGroupName"));
        Assert.Equal("https://aiworkload-test-bus.servicebus.windows.net:443/", await deployed.ValueAsync<string>("serviceBusEndpoint"));
        Assert.Equal("aiworkload-test-bus.servicebus.windows.net", await deployed.ValueAsync<string>("fullyQualifiedNamespace"));
    }
}
