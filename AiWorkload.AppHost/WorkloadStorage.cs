// Targets Aspire.Hosting 13.5.2: ExecutionContext.IsPublishMode, AppHostDirectory, Configuration, AddConnectionString.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace AiWorkload.AppHost;

/// <summary>Where the services keep their shared state: a PostgreSQL database, or a data directory on this machine.</summary>
internal sealed record WorkloadStorage(IResourceBuilder<IResourceWithConnectionString>? Database, string? DataDirectory)
{
    /// <summary>SharedStorageExtensions.ConnectionName: the services read <c>ConnectionStrings:workloaddb</c>.</summary>
    public const string ConnectionName = "workloaddb";

    /// <summary>
    /// Publishing always takes the database as a connection string parameter (azd asks for it); a run uses one when
    /// <c>ConnectionStrings:workloaddb</c> is configured, and otherwise the directory <c>.aiworkload</c> next to the AppHost.
    /// </summary>
    public static WorkloadStorage Select(IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode || builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 }
            ? new WorkloadStorage(builder.AddConnectionString(ConnectionName), null)
            : new WorkloadStorage(null, Path.Combine(builder.AppHostDirectory, ".aiworkload"));
}
