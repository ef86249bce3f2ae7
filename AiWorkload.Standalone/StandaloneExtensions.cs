using AiWorkload.Messaging.Amqp.Hosting;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.Standalone;

internal static class StandaloneExtensions
{
    /// <summary>The setting <c>--config</c> maps to: an official emulator Config.json to provision instead of the built-in topology.</summary>
    public const string TopologyFileKey = "AiWorkload:TopologyFile";

    /// <summary><c>--data-dir</c> and <c>--config</c> on the command line; everything else is ordinary ASP.NET Core configuration.</summary>
    public static WebApplicationBuilder AddStandaloneSettings(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--data-dir"] = CatalogExtensions.DataDirectoryKey,
            ["--config"] = TopologyFileKey,
            ["--amqp-port"] = $"{AmqpEndpointSettings.SectionName}:Port",
        });
        return builder;
    }

    /// <summary>
    /// The durable embedded Service Bus in the data directory, provisioned from the product topology or from the
    /// emulator Config.json given with <c>--config</c>, which must then declare the entities the services use.
    /// </summary>
    public static WebApplicationBuilder AddStandaloneServiceBus(this WebApplicationBuilder builder)
    {
        var dataDirectory = builder.GetDataDirectory();
        var topology = builder.Configuration[TopologyFileKey] is { Length: > 0 } file
            ? RequireProductEntities(EmulatorConfigReader.Read(ResolveTopologyFile(file, builder.Environment.ContentRootPath)), file)
            : WorkloadTopology.Model;
        builder.Services.Configure<MessagingOptions>(options => options.Topology = topology);
        builder.AddEmbeddedServiceBus(options =>
        {
            options.DataDirectory = Path.Combine(dataDirectory, "servicebus");
            options.Topology = topology;
        });
        return builder;
    }

    /// <summary>
    /// <c>dotnet run</c> starts the host in the project folder, so relative paths resolve there; a missing file is named
    /// with the folder it was looked for in, instead of surfacing as an I/O stack trace.
    /// </summary>
    private static string ResolveTopologyFile(string file, string contentRoot)
    {
        var path = Path.GetFullPath(file, contentRoot);
        return File.Exists(path)
            ? path
            : throw new TopologyException($"--config {file}", $"no such file: '{path}' (relative paths resolve against '{contentRoot}'; give an absolute path)");
    }

    private static TopologyModel RequireProductEntities(TopologyModel topology, string file)
    {
        var missing = TopologyRequirements.MissingEntities(topology, WorkloadTopology.Model);
        return missing.Count == 0
            ? topology
            : throw new TopologyException(file, $"the services need these entities, which the file does not declare: {string.Join(", ", missing)}");
    }
}
