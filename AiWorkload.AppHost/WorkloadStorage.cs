// Targets Aspire.Hosting 13.6.5: ExecutionContext.IsPublishMode, AppHostDirectory, Configuration, AddConnectionString.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.AppHost;

/// <summary>
/// Where the services keep their state: a PostgreSQL database or a data directory on this machine for the catalog and
/// runs, and Blob Storage for the retraining service's model artifacts when there is one.
/// </summary>
internal sealed record WorkloadStorage(
    IResourceBuilder<IResourceWithConnectionString>? Database,
    string? DataDirectory,
    IResourceBuilder<IResourceWithConnectionString>? Artifacts)
{
    /// <summary>SharedStorageExtensions.ConnectionName: the services read <c>ConnectionStrings:workloaddb</c>.</summary>
    public const string DatabaseConnectionName = "workloaddb";

    /// <summary>ArtifactStoreOptions.ConnectionName: the retraining service reads <c>ConnectionStrings:artifacts</c>.</summary>
    public const string ArtifactsConnectionName = "artifacts";

    /// <summary>
    /// Publishing always takes both as connection string parameters (azd asks for them: containers share no disk); a run
    /// uses each one that is configured, and otherwise the directory <c>.aiworkload</c> next to the AppHost.
    /// </summary>
    public static WorkloadStorage Select(IDistributedApplicationBuilder builder, string dataRoot)
    {
        var publishing = builder.ExecutionContext.IsPublishMode;
        var database = publishing || IsConfigured(builder, DatabaseConnectionName) ? builder.AddConnectionString(DatabaseConnectionName) : null;
        var artifacts = publishing || IsConfigured(builder, ArtifactsConnectionName) ? builder.AddConnectionString(ArtifactsConnectionName) : null;
        var dataDirectory = publishing ? null : dataRoot;
        return new WorkloadStorage(database, dataDirectory, artifacts);
    }

    /// <summary>
    /// The directory everything of a run keeps between runs (the services' catalog, the local Service Bus under
    /// <c>servicebus/</c>): <c>.aiworkload</c> next to the AppHost, or <c>AiWorkload:DataDirectory</c>. Delete it to start clean.
    /// </summary>
    public static string DataRoot(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["AiWorkload:DataDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, ".aiworkload"));

    private static bool IsConfigured(IDistributedApplicationBuilder builder, string name) =>
        builder.Configuration.GetConnectionString(name) is { Length: > 0 };
}
