// Targets Aspire.Hosting 13.5.2: AddProject<TProject>, WithReference(IResourceBuilder<IResourceWithConnectionString>),
// WithHttpHealthCheck(string), WaitFor, WithEnvironment(string, string?) and WithEnvironment(string, ReferenceExpression).
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Azure;

namespace AiWorkload.AppHost;

/// <summary>The three services, each wired the same way to Service Bus and to the dashboard's health view.</summary>
internal static class WorkloadServices
{
    public const string Api = "api";
    public const string Retraining = "retraining";
    public const string Orchestrator = "orchestrator";

    /// <summary>ServiceDefaults maps it (ServiceDefaultsExtensions.HealthEndpointPath): every check, messaging processors included.</summary>
    private const string HealthPath = "/health";

    /// <summary>CatalogExtensions.DataDirectoryKey (<c>AiWorkload:DataDirectory</c>) as an environment variable.</summary>
    private const string DataDirectoryVariable = "AiWorkload__DataDirectory";

    /// <summary>Resource names Service Bus entities must not take: the services, the namespace ("messaging"), the database and the artifacts account.</summary>
    public static IReadOnlyList<string> Names { get; } = [Api, Retraining, Orchestrator, ServiceBusHosting.ConnectionName, WorkloadStorage.DatabaseConnectionName, WorkloadStorage.ArtifactsConnectionName];

    /// <summary>
    /// <c>ConnectionStrings__messaging</c> comes from the reference. With the emulator, the service also waits for it to be
    /// healthy and gets the administration connection string its depth gauges need. The shared state comes from
    /// <c>ConnectionStrings__workloaddb</c> when there is a database, else from a data directory all three processes use,
    /// so they see one catalog, as Standalone's one process does.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddWorkloadService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        IResourceBuilder<AzureServiceBusResource>? emulator,
        WorkloadStorage storage)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithReference(messaging)
            .WithHttpHealthCheck(HealthPath);
        if (storage.Database is not null)
        {
            service.WithReference(storage.Database);
        }

        if (storage.DataDirectory is not null)
        {
            service.WithEnvironment(DataDirectoryVariable, storage.DataDirectory);
        }

        if (emulator is not null)
        {
            service.WaitFor(emulator)
                .WithEnvironment(ServiceBusHosting.AdministrationConnectionStringVariable, EmulatedServiceBus.AdministrationConnectionString(emulator));
        }

        return service;
    }
}
