// Targets Aspire.Hosting 13.6.5: IDistributedApplicationBuilder.AddResource, WithEndpoint(port, targetPort, scheme, name, …),
// WithHttpEndpoint(port, targetPort, name, env, isProxied), WithArgs(Action<CommandLineArgsCallbackContext>),
// EndpointReference.Property(EndpointProperty.TargetPort).
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace AiWorkload.Hosting.LocalServiceBus;

/// <summary><c>builder.AddLocalServiceBus("messaging", hostPath, dataDirectory)</c>: the local Service Bus as a resource.</summary>
public static class LocalServiceBusExtensions
{
    private const string HealthPath = "/health";

    /// <summary>
    /// Runs the host assembly <paramref name="hostPath"/> (AiWorkload.ServiceBus.dll) with <c>dotnet</c>, on ports Aspire
    /// allocates, keeping its data in <paramref name="dataDirectory"/> across runs (delete it to start clean). The host
    /// provisions its default topology (the product's, WorkloadTopology.Model) at every start.
    /// </summary>
    public static IResourceBuilder<LocalServiceBusResource> AddLocalServiceBus(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        string hostPath,
        string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var workingDirectory = Path.GetDirectoryName(Path.GetFullPath(hostPath)) ?? builder.AppHostDirectory;
        var resource = new LocalServiceBusResource(name, "dotnet", workingDirectory);
        return builder.AddResource(resource)
            .WithEndpoint(name: LocalServiceBusResource.AmqpEndpointName, scheme: "tcp")
            .WithHttpEndpoint(name: LocalServiceBusResource.HttpEndpointName)
            .WithArgs(context =>
            {
                context.Args.Add(Path.GetFullPath(hostPath));
                context.Args.Add("--data-dir");
                context.Args.Add(Path.GetFullPath(dataDirectory));
                context.Args.Add("--amqp-port");
                context.Args.Add(resource.AmqpEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--http-port");
                context.Args.Add(resource.HttpEndpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHttpReadinessCheck(HealthPath, LocalServiceBusResource.HttpEndpointName);
    }
}
