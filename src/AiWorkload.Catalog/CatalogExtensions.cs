using AiWorkload.Catalog;
using AiWorkload.Catalog.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class CatalogExtensions
{
    /// <summary>The setting that places every durable file of a service (catalog, engine, artifacts).</summary>
    public const string DataDirectoryKey = "AiWorkload:DataDirectory";

    /// <summary>The data directory: <c>AiWorkload:DataDirectory</c>, else <c>.aiworkload</c> under the content root.</summary>
    public static string GetDataDirectory(this IHostApplicationBuilder builder) =>
        builder.Configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.Combine(builder.Environment.ContentRootPath, ".aiworkload");

    /// <summary>Registers the SQLite catalog in the data directory unless another <see cref="IWorkloadCatalog"/> was registered first.</summary>
    public static IHostApplicationBuilder AddWorkloadCatalog(this IHostApplicationBuilder builder)
    {
        var directory = builder.GetDataDirectory();
        builder.Services.TryAddSingleton<IWorkloadCatalog>(_ => new SqliteWorkloadCatalog(directory));
        return builder;
    }
}
