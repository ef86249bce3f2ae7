using AiWorkload.Messaging.Amqp.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AiWorkload.Standalone;

/// <summary>Tells a newcomer where everything is, once Kestrel has bound its addresses.</summary>
internal static class StartupBanner
{
    public static WebApplication PrintBannerOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var dataDirectory = app.Configuration[CatalogExtensions.DataDirectoryKey] is { Length: > 0 } configured
                ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
                : Path.Combine(app.Environment.ContentRootPath, ".aiworkload");
            Console.WriteLine();
            Console.WriteLine("AiWorkload is running on the embedded Service Bus.");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  API        {address}/api");
                Console.WriteLine($"  OpenAPI    {address}/openapi/v1.json");
                Console.WriteLine($"  Health     {address}/health");
            }

            Console.WriteLine($"  Data       {dataDirectory}");
            if (app.Services.GetRequiredService<AmqpEndpointState>().ConnectionString is { } amqp)
            {
                Console.WriteLine($"  AMQP       {amqp}");
            }

            if (!string.IsNullOrEmpty(app.Configuration.GetConnectionString(SharedStorageExtensions.ConnectionName)))
            {
                // The host only: the connection string may hold a password.
                var database = new Npgsql.NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString(SharedStorageExtensions.ConnectionName));
                Console.WriteLine($"  Catalog    PostgreSQL {database.Host}/{database.Database} (models, datasets, runs)");
            }

            Console.WriteLine("Press Ctrl+C to stop; in-flight work finishes or returns to its queue.");
            Console.WriteLine();
        });
        return app;
    }
}
