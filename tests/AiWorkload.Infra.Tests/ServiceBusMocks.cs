// Targets Pulumi 3.114.2 (Pulumi.Testing.IMocks, MockResourceArgs, MockCallArgs) and Pulumi.AzureNative 3.28.0 resource
// and invoke tokens (servicebus, authorization, dbforpostgresql, storage); see Directory.Packages.props.
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace AiWorkload.Infra.Tests;

/// <summary>
/// Records every resource and call, and answers like Azure would: state is the inputs plus the <c>name</c> Azure gives
/// the resource (its explicit name input), a namespace gets its endpoint and an ARM id, a PostgreSQL server its host name,
/// a storage account its endpoints, and the three invokes the program makes return fixed values. Inputs arrive camelCase, numbers as double, enums as
/// strings, objects as dictionaries, secrets unwrapped.
/// </summary>
internal sealed class ServiceBusMocks : IMocks
{
    public const string SubscriptionId = "11111111-2222-3333-4444-555555555555";
    public const string PrimaryKey = "mock-primary-key";

    public const string ResourceGroupType = "azure-native:resources:ResourceGroup";
    public const string NamespaceType = "azure-native:servicebus:Namespace";
    public const string QueueType = "azure-native:servicebus:Queue";
    public const string TopicType = "azure-native:servicebus:Topic";
    public const string SubscriptionType = "azure-native:servicebus:Subscription";
    public const string RuleType = "azure-native:servicebus:Rule";
    public const string DefaultRuleType = "azure-native:servicebus:DefaultRule";
    public const string RoleAssignmentType = "azure-native:authorization:RoleAssignment";
    public const string ListNamespaceKeysToken = "azure-native:servicebus:listNamespaceKeys";
    public const string GetClientConfigToken = "azure-native:authorization:getClientConfig";
    public const string PostgresServerType = "azure-native:dbforpostgresql:Server";
    public const string PostgresDatabaseType = "azure-native:dbforpostgresql:Database";
    public const string PostgresFirewallRuleType = "azure-native:dbforpostgresql:FirewallRule";
    public const string StorageAccountType = "azure-native:storage:StorageAccount";
    public const string BlobContainerType = "azure-native:storage:BlobContainer";
    public const string ListStorageAccountKeysToken = "azure-native:storage:listStorageAccountKeys";

    /// <summary>Base64 as Azure's keys are, with <c>=</c> padding to prove the connection string keeps it.</summary>
    public const string StorageKey1 = "bW9jay1zdG9yYWdlLWtleQ==";
    public const string StorageKey2 = "bW9jay1zdG9yYWdlLWtleTI=";

    /// <summary>The input that holds each type's Azure name.</summary>
    private static readonly Dictionary<string, string> NameInputs = new()
    {
        [ResourceGroupType] = "resourceGroupName",
        [NamespaceType] = "namespaceName",
        [QueueType] = "queueName",
        [TopicType] = "topicName",
        [SubscriptionType] = "subscriptionName",
        [RuleType] = "ruleName",
        [RoleAssignmentType] = "roleAssignmentName",
        [PostgresServerType] = "serverName",
        [PostgresDatabaseType] = "databaseName",
        [PostgresFirewallRuleType] = "firewallRuleName",
        [StorageAccountType] = "accountName",
        [BlobContainerType] = "containerName",
    };

    private readonly ConcurrentQueue<MockResourceArgs> _resources = new();
    private readonly ConcurrentQueue<MockCallArgs> _calls = new();

    public IReadOnlyList<MockResourceArgs> Resources => [.. _resources];

    public IReadOnlyList<MockCallArgs> Calls => [.. _calls];

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        _resources.Enqueue(args);
        var name = args.Type == DefaultRuleType
            ? "$Default"
            : NameInputs.TryGetValue(args.Type ?? "", out var key) && args.Inputs.TryGetValue(key, out var value) ? (string)value : args.Name!;
        var state = args.Inputs.SetItem("name", name);
        var id = $"{args.Name}_id";
        if (args.Type == NamespaceType)
        {
            state = state.SetItem("serviceBusEndpoint", $"https://{name}.servicebus.windows.net:443/");
            id = $"/subscriptions/{SubscriptionId}/resourceGroups/{args.Inputs["resourceGroupName"]}/providers/Microsoft.ServiceBus/namespaces/{name}";
        }

        if (args.Type == PostgresServerType)
        {
            state = state.SetItem("fullyQualifiedDomainName", PostgresHost(name));
        }

        if (args.Type == StorageAccountType)
        {
            state = state.SetItem("primaryEndpoints", StorageEndpoints(name));
        }

        return Task.FromResult<(string? id, object state)>((id, state));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        _calls.Enqueue(args);
        object result = args.Token switch
        {
            ListNamespaceKeysToken => ListNamespaceKeys(args.Args),
            ListStorageAccountKeysToken => ListStorageAccountKeys(),
            GetClientConfigToken => ImmutableDictionary<string, object>.Empty
                .Add("clientId", "mock-client-id")
                .Add("objectId", "mock-object-id")
                .Add("subscriptionId", SubscriptionId)
                .Add("tenantId", "mock-tenant-id"),
            _ => throw new InvalidOperationException($"The program made an unexpected call: {args.Token}"),
        };
        return Task.FromResult(result);
    }

    public static string ConnectionString(string namespaceName) =>
        $"Endpoint=sb://{namespaceName}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={PrimaryKey}";

    /// <summary>The host name Azure gives a flexible server.</summary>
    public static string PostgresHost(string serverName) => $"{serverName}.postgres.database.azure.com";

    /// <summary>The blob endpoint Azure gives a storage account in the public cloud.</summary>
    public static string BlobEndpoint(string accountName) => $"https://{accountName}.blob.core.windows.net/";

    public IReadOnlyList<MockResourceArgs> OfType(string type) => [.. Resources.Where(resource => resource.Type == type)];

    /// <summary>The one resource of <paramref name="type"/> whose Azure name input is <paramref name="name"/>.</summary>
    public MockResourceArgs Named(string type, string name) =>
        Assert.Single(OfType(type), resource => Equals(resource.Inputs.GetValueOrDefault(NameInputs[type]), name));

    private static ImmutableDictionary<string, object> ListNamespaceKeys(ImmutableDictionary<string, object> args)
    {
        var namespaceName = (string)args["namespaceName"];
        return ImmutableDictionary<string, object>.Empty
            .Add("aliasPrimaryConnectionString", "")
            .Add("aliasSecondaryConnectionString", "")
            .Add("keyName", (string)args["authorizationRuleName"])
            .Add("primaryConnectionString", ConnectionString(namespaceName))
            .Add("primaryKey", PrimaryKey)
            .Add("secondaryConnectionString", ConnectionString(namespaceName).Replace(PrimaryKey, "mock-secondary-key", StringComparison.Ordinal))
            .Add("secondaryKey", "mock-secondary-key");
    }

    private static ImmutableDictionary<string, object> StorageEndpoints(string accountName) => ImmutableDictionary<string, object>.Empty
        .Add("blob", BlobEndpoint(accountName))
        .Add("dfs", $"https://{accountName}.dfs.core.windows.net/")
        .Add("file", $"https://{accountName}.file.core.windows.net/")
        .Add("queue", $"https://{accountName}.queue.core.windows.net/")
        .Add("table", $"https://{accountName}.table.core.windows.net/")
        .Add("web", $"https://{accountName}.z6.web.core.windows.net/");

    /// <summary>Two keys, as Azure lists them (key1 first), so a test can tell which one the program took.</summary>
    private static ImmutableDictionary<string, object> ListStorageAccountKeys() => ImmutableDictionary<string, object>.Empty
        .Add("keys", ImmutableArray.Create<object>(StorageKey("key1", StorageKey1), StorageKey("key2", StorageKey2)));

    private static ImmutableDictionary<string, object> StorageKey(string name, string value) => ImmutableDictionary<string, object>.Empty
        .Add("creationTime", "2026-01-01T00:00:00Z")
        .Add("keyName", name)
        .Add("permissions", "FULL")
        .Add("value", value);
}
