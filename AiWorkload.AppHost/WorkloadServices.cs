// Targets Aspire.Hosting 13.6.5: AddProject<TProject>, WithReference(IResourceBuilder<IResourceWithConnectionString>),
// WithHttpHealthCheck(string), WaitFor, WithEnvironment(string, string?) and WithEnvironment(string, ReferenceExpression).
using System.Globalization;
using AiWorkload.Hosting.LocalServiceBus;
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.AppHost;

/// <summary>The three services, each wired the same way to Service Bus and to the dashboard's health view.</summary>
internal static class WorkloadServices
{
    public const string Api = "api";
    public const string Retraining = "retraining";
    public const string Orchestrator = "orchestrator";

    /// <summary>The api's port, so the README's walkthrough (http://127.0.0.1:5180/api) works unchanged; <c>Api:Port</c> overrides it.</summary>
    public const int DefaultApiPort = 5180;

    /// <summary>ServiceDefaults maps it (ServiceDefaultsExtensions.HealthEndpointPath): every check, messaging processors included.</summary>
    private const string HealthPath = "/health";

    /// <summary>CatalogExtensions.DataDirectoryKey (<c>AiWorkload:DataDirectory</c>) as an environment variable.</summary>
    private const string DataDirectoryVariable = "AiWorkload__DataDirectory";

    /// <summary>Resource names Service Bus entities must not take: the services, the namespace ("messaging"), the database and the artifacts account.</summary>
    public static IReadOnlyList<string> Names { get; } = [Api, Retraining, Orchestrator, ServiceBusHosting.ConnectionName, WorkloadStorage.DatabaseConnectionName, WorkloadStorage.ArtifactsConnectionName];

    public static int ApiPort(IDistributedApplicationBuilder builder) =>
        builder.Configuration["Api:Port"] is { Length: > 0 } port ? int.Parse(port, CultureInfo.InvariantCulture) : DefaultApiPort;

    /// <summary>
    /// <c>ConnectionStrings__messaging</c> comes from the reference. With the local Service Bus, the service also waits for it to be
    /// healthy and gets the administration connection string its depth gauges need. The shared state comes from
    /// <c>ConnectionStrings__workloaddb</c> when there is a database, else from a data directory all three processes use,
    /// so they see one catalog, as Standalone's one process does.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddWorkloadService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> messaging,
        IResourceBuilder<LocalServiceBusResource>? localBus,
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

        if (localBus is not null)
        {
            service.WaitFor(localBus)
                .WithEnvironment(ServiceBusHosting.AdministrationConnectionStringVariable, localBus.Resource.AdministrationConnectionStringExpression);
        }

        return service;
    }
}
