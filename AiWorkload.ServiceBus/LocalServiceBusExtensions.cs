using AiWorkload.Messaging.Amqp.Hosting;
using Microsoft.Extensions.Options;
using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Topology.EmulatorConfig;

namespace AiWorkload.ServiceBus;

internal static class LocalServiceBusExtensions
{
    private const string TopologyFileKey = "ServiceBus:TopologyFile";
    private const string DataDirectoryKey = "ServiceBus:DataDirectory";
    private const string HttpPortKey = "ServiceBus:HttpPort";

    /// <summary>The command line of the official emulator's users: <c>--config</c>, <c>--data-dir</c>, ports, bind address and a key.</summary>
    public static WebApplicationBuilder AddLocalServiceBusSettings(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{AmqpEndpointSettings.SectionName}:Port"] = "5672",
            [HttpPortKey] = "5300",
        });
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--config"] = TopologyFileKey,
            ["--data-dir"] = DataDirectoryKey,
            ["--amqp-port"] = $"{AmqpEndpointSettings.SectionName}:Port",
            ["--http-port"] = HttpPortKey,
            ["--bind"] = $"{AmqpEndpointSettings.SectionName}:BindAddress",
            ["--key-name"] = $"{AmqpEndpointSettings.SectionName}:Keys:0:Name",
            ["--key"] = $"{AmqpEndpointSettings.SectionName}:Keys:0:Key",
        });

        var bind = builder.Configuration[$"{AmqpEndpointSettings.SectionName}:BindAddress"] ?? "127.0.0.1";
        var httpPort = builder.Configuration.GetValue<int>(HttpPortKey);
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
        {
            builder.WebHost.UseUrls($"http://{(bind.Contains(':', StringComparison.Ordinal) ? $"[{bind}]" : bind)}:{httpPort}");
        }

        if (builder.Configuration[$"{AmqpEndpointSettings.SectionName}:Keys:0:Key"] is { Length: > 0 } &&
            builder.Configuration[$"{AmqpEndpointSettings.SectionName}:Keys:0:Name"] is null)
        {
            builder.Configuration[$"{AmqpEndpointSettings.SectionName}:Keys:0:Name"] = "RootManageSharedAccessKey";
        }

        return builder;
    }

    /// <summary>
    /// The engine, durable in the data directory (default <c>.servicebus</c> beside the host), provisioned from an emulator
    /// Config.json given with <c>--config</c> or else from the product topology.
    /// </summary>
    public static WebApplicationBuilder AddLocalServiceBus(this WebApplicationBuilder builder)
    {
        var root = builder.Environment.ContentRootPath;
        var dataDirectory = Path.GetFullPath(builder.Configuration[DataDirectoryKey] ?? ".servicebus", root);
        var topology = builder.Configuration[TopologyFileKey] is { Length: > 0 } file
            ? EmulatorConfigReader.Read(RequireFile(Path.GetFullPath(file, root), file))
            : WorkloadTopology.Model;
        builder.AddEmbeddedServiceBus(options =>
        {
            options.DataDirectory = dataDirectory;
            options.Topology = topology;
        });
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication PrintConnectionStringOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var state = app.Services.GetRequiredService<AmqpEndpointState>();
            Console.WriteLine();
            Console.WriteLine("The local Service Bus is running.");
            Console.WriteLine($"  Connection string  {state.ConnectionString}");
            Console.WriteLine($"  Administration     {AdministrationConnectionString(app)}");
            Console.WriteLine($"  Health             {string.Join(", ", app.Urls)}/health");
            Console.WriteLine("Press Ctrl+C to stop; everything accepted is on disk.");
            Console.WriteLine();
        });
        return app;
    }

    /// <summary>ServiceBusAdministrationClient talks to the HTTP port, under the same host name and key as the AMQP clients.</summary>
    public static string AdministrationConnectionString(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<AmqpEndpointSettings>>().Value;
        var http = app.Urls.Select(u => new Uri(u.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal))).First();
        var key = settings.Keys.Count > 0 ? settings.Keys[0].ToKey() : null;
        return AdministrationExtensions.AdministrationConnectionString(settings.HostName, http.Port, key);
    }

    private static string RequireFile(string path, string given) =>
        File.Exists(path) ? path : throw new TopologyException($"--config {given}", $"no such file: '{path}'");
}
