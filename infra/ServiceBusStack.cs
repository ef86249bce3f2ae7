// Targets Pulumi.AzureNative 3.28.0 (Resources.ResourceGroup, ServiceBus.Namespace/Queue/Topic/Subscription/Rule/
// DefaultRule/ListNamespaceKeys, Authorization.RoleAssignment/GetClientConfig) and Pulumi 3.114.2 (Output, CustomResource);
// see Directory.Packages.props. The workload database is WorkloadDatabaseStack's, the artifact store ArtifactStorageStack's.
using System.Security.Cryptography;
using System.Text;
using AiWorkload.Messaging.Topology;
using Pulumi;
using Authorization = Pulumi.AzureNative.Authorization;
using Resources = Pulumi.AzureNative.Resources;
using ServiceBus = Pulumi.AzureNative.ServiceBus;
using ServiceBusInputs = Pulumi.AzureNative.ServiceBus.Inputs;

namespace AiWorkload.Infra;

/// <summary>
/// Creates the Azure resources for a topology model: resource group, namespace, every queue, topic, subscription and
/// rule, and optional role assignments; then, in the same resource group, the workload database
/// (<see cref="WorkloadDatabaseStack"/>) unless <see cref="StackSettings.Database"/> is null, and the model-artifact
/// store (<see cref="ArtifactStorageStack"/>) unless <see cref="StackSettings.Artifacts"/> is null. Composition only: each
/// setting comes from the model or from <see cref="StackSettings"/>. Every resource gets an explicit Azure name equal to
/// the model's.
/// </summary>
public static class ServiceBusStack
{
    /// <summary>The SAS rule every namespace is created with; its keys give full rights.</summary>
    public const string RootAuthorizationRule = "RootManageSharedAccessKey";

    /// <summary>Built-in roles granted to each configured principal, at namespace scope.</summary>
    public static IReadOnlyDictionary<string, string> DataRoles { get; } = new Dictionary<string, string>
    {
        ["data-sender"] = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", // Azure Service Bus Data Sender
        ["data-receiver"] = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", // Azure Service Bus Data Receiver
    };

    /// <summary>Creates the resources and returns the stack outputs.</summary>
    public static IDictionary<string, object?> Build(TopologyModel topology, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(settings);
        topology.Validate();
        settings.Validate();

        var group = new Resources.ResourceGroup("resource-group", new Resources.ResourceGroupArgs
        {
            ResourceGroupName = settings.ResourceGroupName,
            Location = settings.Location,
            Tags = new Dictionary<string, string>(settings.Tags),
        });

        var namespaceArgs = new ServiceBus.NamespaceArgs
        {
            ResourceGroupName = group.Name,
            NamespaceName = settings.NamespaceName,
            Location = settings.Location,
            Sku = Sku(settings),
            MinimumTlsVersion = "1.2",
            DisableLocalAuth = settings.DisableLocalAuth,
            Tags = new Dictionary<string, string>(settings.Tags),
        };
        if (settings.MessagingPartitions is int partitions)
        {
            namespaceArgs.PremiumMessagingPartitions = partitions;
        }

        var ns = new ServiceBus.Namespace("servicebus-namespace", namespaceArgs);

        var entities = new Entities(topology, new EntityScope(group.Name, ns.Name));
        var outputs = new Dictionary<string, object?>
        {
            ["resourceGroupName"] = group.Name,
            ["namespaceName"] = ns.Name,
            ["serviceBusEndpoint"] = ns.ServiceBusEndpoint,
            ["fullyQualifiedNamespace"] = ns.ServiceBusEndpoint.Apply(endpoint => new Uri(endpoint).Host),
            ["queues"] = Output.All(entities.Queues),
            ["topics"] = Output.All(entities.Topics),
            ["subscriptions"] = Output.All(entities.Subscriptions),
            ["rules"] = Output.All(entities.Rules),
        };

        var roleAssignments = AssignRoles(settings, ns);
        outputs["roleAssignments"] = Output.All(roleAssignments.Select(assignment => assignment.Name));

        // With local auth off the keys exist but authenticate nothing, so no connection string is exported.
        if (!settings.DisableLocalAuth)
        {
            var keys = ServiceBus.ListNamespaceKeys.Invoke(new ServiceBus.ListNamespaceKeysInvokeArgs
            {
                AuthorizationRuleName = RootAuthorizationRule,
                NamespaceName = ns.Name,
                ResourceGroupName = group.Name,
            });
            outputs["primaryConnectionString"] = Output.CreateSecret(keys.Apply(result => result.PrimaryConnectionString));
        }

        if (settings.Database is { } database)
        {
            foreach (var (name, value) in WorkloadDatabaseStack.Build(database, group.Name, settings.Location, settings.Tags))
            {
                outputs.Add(name, value);
            }
        }

        if (settings.Artifacts is { } artifacts)
        {
            foreach (var (name, value) in ArtifactStorageStack.Build(artifacts, group.Name, settings.Location, settings.Tags))
            {
                outputs.Add(name, value);
            }
        }

        return outputs;
    }

    private static ServiceBusInputs.SBSkuArgs Sku(StackSettings settings) => settings.IsPremium
        ? new ServiceBusInputs.SBSkuArgs { Name = ServiceBus.SkuName.Premium, Tier = ServiceBus.SkuTier.Premium, Capacity = settings.Capacity ?? 1 }
        : new ServiceBusInputs.SBSkuArgs { Name = ServiceBus.SkuName.Standard, Tier = ServiceBus.SkuTier.Standard };

    private static List<Authorization.RoleAssignment> AssignRoles(StackSettings settings, ServiceBus.Namespace ns)
    {
        var assignments = new List<Authorization.RoleAssignment>();
        var principals = settings.PrincipalIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (principals.Count == 0)
        {
            return assignments;
        }

        var client = Authorization.GetClientConfig.Invoke();
        foreach (var principalId in principals)
        {
            foreach (var (role, roleId) in DataRoles)
            {
                assignments.Add(new Authorization.RoleAssignment($"{role}-{principalId}", new Authorization.RoleAssignmentArgs
                {
                    RoleAssignmentName = RoleAssignmentName(settings, principalId, roleId),
                    PrincipalId = principalId,
                    PrincipalType = Authorization.PrincipalType.ServicePrincipal,
                    RoleDefinitionId = client.Apply(config =>
                        $"/subscriptions/{config.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{roleId}"),
                    Scope = ns.Id,
                }));
            }
        }

        return assignments;
    }

    /// <summary>A stable GUID per (resource group, namespace, principal, role), so a re-run never assigns twice.</summary>
    public static string RoleAssignmentName(StackSettings settings, string principalId, string roleId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var key = $"{settings.ResourceGroupName}/{settings.NamespaceName}/{principalId}/{roleId}".ToUpperInvariant();
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)).ToString();
    }

    /// <summary>
    /// The entities, created in an order Azure accepts: topics, then queues (a forwarding queue after its target), then
    /// subscriptions with their rules. A forwarding target in the model is referenced through the target resource's
    /// name output, so Pulumi creates the target first; a target outside the model is passed by name.
    /// </summary>
    private sealed class Entities
    {
        private readonly EntityScope _scope;
        private readonly Dictionary<string, QueueDefinition> _queueDefinitions;
        private readonly Dictionary<string, ServiceBus.Topic> _topics = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, ServiceBus.Queue> _queues = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _queuesInProgress = new(StringComparer.OrdinalIgnoreCase);

        public Entities(TopologyModel topology, EntityScope scope)
        {
            _scope = scope;
            _queueDefinitions = topology.Queues.ToDictionary(queue => queue.Name, StringComparer.OrdinalIgnoreCase);

            foreach (var topic in topology.Topics)
            {
                _topics[topic.Name] = new ServiceBus.Topic($"topic-{topic.Name}", EntityArgsMapper.Topic(topic, scope));
            }

            foreach (var queue in topology.Queues)
            {
                CreateQueue(queue);
            }

            foreach (var topic in topology.Topics)
            {
                foreach (var subscription in topic.Subscriptions)
                {
                    CreateSubscription(topic, subscription);
                }
            }

            Topics = [.. topology.Topics.Select(topic => _topics[topic.Name].Name)];
            Queues = [.. topology.Queues.Select(queue => _queues[queue.Name].Name)];
        }

        public List<Output<string>> Queues { get; }

        public List<Output<string>> Topics { get; }

        /// <summary>As <c>topic/subscription</c>.</summary>
        public List<Output<string>> Subscriptions { get; } = [];

        /// <summary>As <c>topic/subscription/rule</c>, <c>$Default</c> included.</summary>
        public List<Output<string>> Rules { get; } = [];

        private ServiceBus.Queue CreateQueue(QueueDefinition queue)
        {
            if (_queues.TryGetValue(queue.Name, out var created))
            {
                return created;
            }

            if (!_queuesInProgress.Add(queue.Name))
            {
                throw new InvalidOperationException(
                    $"Queue '{queue.Name}' forwards in a cycle; Azure needs a forwarding target to exist before its source.");
            }

            var resource = new ServiceBus.Queue($"queue-{queue.Name}", EntityArgsMapper.Queue(
                queue, _scope, Target(queue.ForwardTo), Target(queue.ForwardDeadLetteredMessagesTo)));
            _queuesInProgress.Remove(queue.Name);
            _queues[queue.Name] = resource;
            return resource;
        }

        private void CreateSubscription(TopicDefinition topic, SubscriptionDefinition subscription)
        {
            var topicResource = _topics[topic.Name];
            var path = $"{topic.Name}/{subscription.Name}";
            var resource = new ServiceBus.Subscription($"subscription-{path}", EntityArgsMapper.Subscription(
                subscription, _scope, topicResource.Name, Target(subscription.ForwardTo), Target(subscription.ForwardDeadLetteredMessagesTo)));
            Subscriptions.Add(resource.Name.Apply(name => $"{topic.Name}/{name}"));

            // See RuleArgsMapper: $Default is always managed, and holds the true filter or the first declared rule.
            var scope = new RuleScope(_scope.ResourceGroupName, _scope.NamespaceName, topicResource.Name, resource.Name);
            var defaultRule = new ServiceBus.DefaultRule($"default-rule-{path}",
                RuleArgsMapper.DefaultRule(RuleArgsMapper.DefaultRuleFor(subscription), scope));
            Rules.Add(defaultRule.Name.Apply(name => $"{path}/{name}"));

            foreach (var rule in RuleArgsMapper.AdditionalRules(subscription))
            {
                var ruleResource = new ServiceBus.Rule($"rule-{path}/{rule.Name}", RuleArgsMapper.Rule(rule, scope));
                Rules.Add(ruleResource.Name.Apply(name => $"{path}/{name}"));
            }
        }

        private Input<string>? Target(string? entity)
        {
            if (string.IsNullOrEmpty(entity))
            {
                return null;
            }

            if (_topics.TryGetValue(entity, out var topic))
            {
                return topic.Name;
            }

            if (_queueDefinitions.TryGetValue(entity, out var queue))
            {
                return CreateQueue(queue).Name;
            }

            return entity;
        }
    }
}
