// Targets Aspire.Hosting.Azure.ServiceBus 13.5.2 (AddAzureServiceBus, RunAsEmulator, WithConfigurationFile) and
// Aspire.Hosting 13.5.2 (GetEndpoint, EndpointReference.Property(EndpointProperty.HostAndPort), ReferenceExpression.Create).
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.AppModel;
using AiWorkload.Messaging.Topology.EmulatorConfig;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Azure;

namespace AiWorkload.AppHost;

/// <summary>
/// The official Service Bus emulator (Docker), configured from the topology model. Aspire's generated Config.json cannot
/// hold SQL filters, so the AppHost writes the file itself with <see cref="EmulatorConfigWriter"/> at every start and
/// hands it to the emulator; the Aspire resources are declared as well, so the dashboard lists every entity.
/// </summary>
internal static class EmulatedServiceBus
{
    /// <summary>
    /// The emulator's HTTP endpoint (port 5300: health and administration), named "emulatorhealth" by RunAsEmulator
    /// (AzureServiceBusExtensions.EmulatorHealthEndpointName, private in 13.5.2) and left out of the connection string.
    /// </summary>
    private const string HttpEndpointName = "emulatorhealth";

    public static IResourceBuilder<AzureServiceBusResource> AddEmulatedServiceBus(
        this IDistributedApplicationBuilder builder,
        TopologyModel topology,
        IEnumerable<string> reservedNames)
    {
        var configFile = WriteConfigFile(builder.AppHostDirectory, topology);
        var serviceBus = builder.AddAzureServiceBus(ServiceBusHosting.ConnectionName)
            .RunAsEmulator(emulator => emulator.WithConfigurationFile(configFile));
        var declaration = AppModelTopology.From(topology, reservedNames);
        ServiceBusTopologyResources.Declare(serviceBus, declaration);
        foreach (var omission in declaration.Omissions)
        {
            Console.WriteLine($"Aspire resources: {omission}");
        }

        return serviceBus;
    }

    /// <summary>
    /// The emulator serves ServiceBusAdministrationClient on its HTTP port only, which Aspire's connection string does not
    /// carry (microsoft/aspire#14041), so services get this one for their message counts.
    /// </summary>
    public static ReferenceExpression AdministrationConnectionString(IResourceBuilder<AzureServiceBusResource> emulator)
    {
        var http = emulator.GetEndpoint(HttpEndpointName);
        return ReferenceExpression.Create($"Endpoint=sb://{http.Property(EndpointProperty.HostAndPort)};{ServiceBusHosting.EmulatorCredentials}");
    }

    /// <summary>Under obj/, so it is rebuilt from the model on every start and never committed; clamps are reported.</summary>
    private static string WriteConfigFile(string appHostDirectory, TopologyModel topology)
    {
        var directory = Path.Combine(appHostDirectory, "obj", "servicebus-emulator");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "Config.json");
        var document = EmulatorConfigWriter.WriteToFile(topology, path);
        foreach (var adjustment in document.Adjustments)
        {
            Console.WriteLine($"Service Bus emulator Config.json: {adjustment}");
        }

        return path;
    }
}
