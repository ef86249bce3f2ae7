// Targets Aspire.Hosting 13.6.5: AddProject<TProject>, AddResource, WithArgs, WithHttpEndpoint(port, targetPort, name, env,
// isProxied), WithEndpoint(name, callback), WithOtlpExporter, WithExternalHttpEndpoints, WithReference(connection string /
// service discovery), WaitFor, WithEnvironment(string, string?) and WithEnvironment(string, ReferenceExpression),
// EndpointReference.Property(EndpointProperty.TargetPort), IProjectMetadata.ProjectPath.
using System.Globalization;
using AiWorkload.Hosting.LocalServiceBus;
using AiWorkload.Messaging.Topology.AppModel;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.AppHost;

/// <summary>The three services, each wired the same way to Service Bus, to the shared state and to the dashboard's health view.</summary>
internal sealed class WorkloadServices(
    IDistributedApplicationBuilder builder,
    IResourceBuilder<IResourceWithConnectionString> messaging,
    IResourceBuilder<LocalServiceBusResource>? localBus,
    WorkloadStorage storage)
{
    public const string Api = "api";
    public const string Retraining = "retraining";
    public const string Orchestrator = "orchestrator";

    /// <summary>The api's port, so the README's walkthrough (http://127.0.0.1:5180/api) works unchanged; <c>Api:Port</c> overrides it.</summary>
    public const int DefaultApiPort = 5180;

    /// <summary>ServiceDefaults maps it (ServiceDefaultsExtensions.HealthEndpointPath): every check, messaging processors included.</summary>
    private const string HealthPath = "/health";

    private const string HttpEndpointName = "http";

    /// <summary>CatalogExtensions.DataDirectoryKey (<c>AiWorkload:DataDirectory</c>) as an environment variable.</summary>
    private const string DataDirectoryVariable = "AiWorkload__DataDirectory";

    /// <summary>Resource names Service Bus entities must not take: the services, the namespace ("messaging"), the database and the artifacts account.</summary>
    public static IReadOnlyList<string> Names { get; } = [Api, Retraining, Orchestrator, ServiceBusHosting.ConnectionName, WorkloadStorage.DatabaseConnectionName, WorkloadStorage.ArtifactsConnectionName];

    public static int ApiPort(IDistributedApplicationBuilder builder) =>
        builder.Configuration["Api:Port"] is { Length: > 0 } port ? int.Parse(port, CultureInfo.InvariantCulture) : DefaultApiPort;

    /// <summary>
    /// Publishing and an IDE's debug session (which launches projects itself) get a project resource; <c>dotnet run</c> on
    /// the AppHost runs the service's built assembly directly (see <see cref="BuiltServiceResource"/>).
    /// </summary>
    private bool RunsBuiltAssemblies =>
        builder.ExecutionContext.IsRunMode && string.IsNullOrEmpty(builder.Configuration["DEBUG_SESSION_PORT"]);

    /// <summary>
    /// Adds the service <paramref name="name"/>: <c>ConnectionStrings__messaging</c> from the reference, a fixed external
    /// <paramref name="port"/> if given, the services it <paramref name="calls"/> through service discovery, and
    /// <paramref name="artifacts"/> if it keeps model artifacts. With the local Service Bus it waits for it to be healthy and
    /// gets the administration connection string its depth gauges need. Shared state comes from <c>ConnectionStrings__workloaddb</c>
    /// when there is a database, else from a data directory all three processes use, so they see one catalog, as Standalone's
    /// one process does.
    /// </summary>
    public IResourceBuilder<IResourceWithServiceDiscovery> Add<TProject>(
        string name,
        int? port = null,
        IReadOnlyList<IResourceBuilder<IResourceWithServiceDiscovery>>? calls = null,
        IResourceBuilder<IResourceWithConnectionString>? artifacts = null)
        where TProject : IProjectMetadata, new()
    {
        if (RunsBuiltAssemblies)
        {
            return Wire(AddBuilt<TProject>(name, port), port, calls, artifacts);
        }

        var project = builder.AddProject<TProject>(name);
        if (port is { } fixedPort)
        {
            project.WithEndpoint(HttpEndpointName, endpoint => endpoint.Port = fixedPort);
        }

        return Wire(project, port, calls, artifacts);
    }

    /// <summary>What a project resource gets from its launch profile and from Aspire, set by hand: URL, environment, OTLP.</summary>
    private IResourceBuilder<BuiltServiceResource> AddBuilt<TProject>(string name, int? port)
        where TProject : IProjectMetadata, new()
    {
        var projectPath = new TProject().ProjectPath;
        var resource = new BuiltServiceResource(name, Path.GetDirectoryName(projectPath)!);
        var http = resource.GetEndpoint(HttpEndpointName);
        return builder.AddResource(resource)
            .WithArgs(BuiltAssemblies.PathOf(Path.GetFileNameWithoutExtension(projectPath)))
            .WithHttpEndpoint(port: port, name: HttpEndpointName)
            .WithEnvironment("ASPNETCORE_URLS", ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")
            .WithOtlpExporter();
    }

    private IResourceBuilder<T> Wire<T>(
        IResourceBuilder<T> service,
        int? port,
        IReadOnlyList<IResourceBuilder<IResourceWithServiceDiscovery>>? calls,
        IResourceBuilder<IResourceWithConnectionString>? artifacts)
        where T : IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithWaitSupport
    {
        service.WithReference(messaging).WithHttpReadinessCheck(HealthPath, HttpEndpointName);
        if (port is not null)
        {
            service.WithExternalHttpEndpoints();
        }

        foreach (var callee in calls ?? [])
        {
            service.WithReference(callee);
        }

        if (artifacts is not null)
        {
            service.WithReference(artifacts);
        }

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
