// Targets Pulumi 3.114.2 (Pulumi.Testing, Output.IsSecretAsync) and Pulumi.AzureNative 3.28.0 resource and invoke
// tokens; see Directory.Packages.props.
using AiWorkload.Messaging.Topology;
using Pulumi;

namespace AiWorkload.Infra.Tests;

/// <summary>The resource group, the namespace, the connection string output and the role assignments.</summary>
[Collection(PulumiCollection.Name)]
public sealed class NamespaceTests
{
    private const string DataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string DataReceiver = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0";

    [Fact]
    public async Task The_namespace_is_standard_with_tls_1_2_and_local_auth_by_default()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model);

        var group = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.ResourceGroupType));
        Assert.Equal("rg-aiworkload-test", group.Get("resourceGroupName"));
        Assert.Equal("westeurope", group.Get("location"));

        var ns = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.NamespaceType));
        Assert.Equal("aiworkload-test-bus", ns.Get("namespaceName"));
        Assert.Equal("rg-aiworkload-test", ns.Get("resourceGroupName"));
        Assert.Equal("westeurope", ns.Get("location"));
        Assert.Equal("1.2", ns.Get("minimumTlsVersion"));
        Assert.False(ns.Flag("disableLocalAuth"));
        var sku = ns.Object("sku");
        Assert.Equal("Standard", sku["name"]);
        Assert.Equal("Standard", sku["tier"]);
        Assert.Equal("aiworkload", ns.Object("tags")["application"]);
    }

    [Fact]
    public async Task Premium_is_chosen_by_config_with_its_capacity_and_partitions()
    {
        var settings = Deployments.Settings() with { Sku = StackSettings.Premium, Capacity = 4, MessagingPartitions = 2 };

        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, settings);

        var ns = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.NamespaceType));
        var sku = ns.Object("sku");
        Assert.Equal("Premium", sku["name"]);
        Assert.Equal("Premium", sku["tier"]);
        Assert.Equal(4d, sku["capacity"]);
        Assert.Equal(2d, ns.Get("premiumMessagingPartitions"));
    }

    [Fact]
    public async Task Standard_sends_no_capacity_and_no_partitions()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model);

        var ns = Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.NamespaceType));
        Assert.False(ns.Object("sku").ContainsKey("capacity"));
        Assert.Null(ns.Get("premiumMessagingPartitions"));
    }

    [Fact]
    public async Task The_primary_connection_string_is_a_secret_output_from_the_root_rule()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model);

        var connectionString = deployed.Output<string>("primaryConnectionString");
        Assert.True(await Output.IsSecretAsync(connectionString));
        Assert.Equal(ServiceBusMocks.ConnectionString("aiworkload-test-bus"), await connectionString.GetValueAsync());

        var call = Assert.Single(deployed.Mocks.Calls, call => call.Token == ServiceBusMocks.ListNamespaceKeysToken);
        Assert.Equal("RootManageSharedAccessKey", call.Args["authorizationRuleName"]);
        Assert.Equal("aiworkload-test-bus", call.Args["namespaceName"]);
        Assert.Equal("rg-aiworkload-test", call.Args["resourceGroupName"]);
    }

    [Fact]
    public async Task Without_local_auth_no_keys_are_read_and_no_connection_string_is_exported()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings(disableLocalAuth: true));

        Assert.True(Assert.Single(deployed.Mocks.OfType(ServiceBusMocks.NamespaceType)).Flag("disableLocalAuth"));
        Assert.False(deployed.Outputs.ContainsKey("primaryConnectionString"));
        Assert.DoesNotContain(deployed.Mocks.Calls, call => call.Token == ServiceBusMocks.ListNamespaceKeysToken);
        Assert.Equal("aiworkload-test-bus.servicebus.windows.net", await deployed.ValueAsync<string>("fullyQualifiedNamespace"));
    }

    [Fact]
    public async Task Each_configured_principal_gets_data_sender_and_receiver_on_the_namespace()
    {
        string[] principals = ["aaaaaaaa-0000-0000-0000-000000000001", "aaaaaaaa-0000-0000-0000-000000000002"];

        var deployed = await Deployments.RunAsync(WorkloadTopology.Model, Deployments.Settings(false, principals));

        var assignments = deployed.Mocks.OfType(ServiceBusMocks.RoleAssignmentType);
        Assert.Equal(4, assignments.Count);
        var scope = $"/subscriptions/{ServiceBusMocks.SubscriptionId}/resourceGroups/rg-aiworkload-test/providers/Microsoft.ServiceBus/namespaces/aiworkload-test-bus";
        foreach (var principal in principals)
        {
            foreach (var role in new[] { DataSender, DataReceiver })
            {
                var assignment = Assert.Single(assignments, candidate =>
                    Equals(candidate.Get("principalId"), principal)
                    && Equals(candidate.Get("roleDefinitionId"), $"/subscriptions/{ServiceBusMocks.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{role}"));
                Assert.Equal("ServicePrincipal", assignment.Get("principalType"));
                Assert.Equal(scope, assignment.Get("scope"));
                Assert.True(Guid.TryParse((string)assignment.Inputs["roleAssignmentName"], out _));
            }
        }

        Assert.Equal(4, assignments.Select(assignment => assignment.Get("roleAssignmentName")).Distinct().Count());
        Assert.Single(deployed.Mocks.Calls, call => call.Token == ServiceBusMocks.GetClientConfigToken);
    }

    [Fact]
    public async Task Role_assignment_names_are_stable_across_runs()
    {
        var settings = Deployments.Settings(false, "aaaaaaaa-0000-0000-0000-000000000001");

        var first = await Deployments.RunAsync(WorkloadTopology.Model, settings);
        var second = await Deployments.RunAsync(WorkloadTopology.Model, settings);

        Assert.Equal(Names(first), Names(second));
        Assert.Equal(
            ServiceBusStack.RoleAssignmentName(settings, "aaaaaaaa-0000-0000-0000-000000000001", DataSender),
            ServiceBusStack.RoleAssignmentName(settings, "AAAAAAAA-0000-0000-0000-000000000001", DataSender));
    }

    [Fact]
    public async Task No_principals_means_no_role_assignments()
    {
        var deployed = await Deployments.RunAsync(WorkloadTopology.Model);

        Assert.Empty(deployed.Mocks.OfType(ServiceBusMocks.RoleAssignmentType));
        Assert.DoesNotContain(deployed.Mocks.Calls, call => call.Token == ServiceBusMocks.GetClientConfigToken);
        Assert.Empty(await deployed.NamesAsync("roleAssignments"));
    }

    private static IEnumerable<string> Names(Deployed deployed) =>
        deployed.Mocks.OfType(ServiceBusMocks.RoleAssignmentType)
            .Select(assignment => (string)assignment.Inputs["roleAssignmentName"])
            .Order(StringComparer.Ordinal);
}
