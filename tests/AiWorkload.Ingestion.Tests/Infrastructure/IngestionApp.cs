using AiWorkload.Catalog;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Adapter;
using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;
using AiWorkload.ServiceDefaults.Security;
using AiWorkload.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Ingestion.Tests.Infrastructure;

/// <summary>
/// The ingestion API as a host runs it: Kestrel on 127.0.0.1, AddIngestion and MapIngestionApi, the embedded engine and
/// the catalog durable in a temporary directory (so a second app on the same directory is a restart).
/// </summary>
internal sealed class IngestionApp : IAsyncDisposable
{
    public const string WriterKey = "writer-key-for-ingestion-tests";
    public const string ReaderKey = "reader-key-for-ingestion-tests";

    public static readonly string OrchestratorSubscription = EntityPaths.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.OrchestratorSubscription);
    public static readonly string TrainingSubscription = EntityPaths.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.TrainingSubscription);

    private readonly WebApplication _app;

    private IngestionApp(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public IWorkloadCatalog Catalog => Services.GetRequiredService<IWorkloadCatalog>();

    public static Dictionary<string, string?> Keys() => new()
    {
        ["Authentication:ApiKeys:0:Name"] = "pipeline-bot",
        ["Authentication:ApiKeys:0:Key"] = WriterKey,
        ["Authentication:ApiKeys:0:Scopes"] = "read write",
        ["Authentication:ApiKeys:1:Name"] = "dashboard",
        ["Authentication:ApiKeys:1:Key"] = ReaderKey,
        ["Authentication:ApiKeys:1:Scopes"] = "read",
    };

    /// <summary>Starts the app; <paramref name="configure"/> runs after AddIngestion, so it can replace services.</summary>
    public static async Task<IngestionApp> StartAsync(TemporaryDirectory directory, Dictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = directory.Path, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CatalogExtensions.DataDirectoryKey] = Path.Combine(directory.Path, "catalog"),
            ["Ingestion:Outbox:SweepInterval"] = "00:00:00.200",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? Keys());
        builder.AddEmbeddedServiceBus(o =>
        {
            o.DataDirectory = Path.Combine(directory.Path, "servicebus");
            o.Durability = EngineDurability.ProcessCrashSafe;
        });
        builder.Services.Configure<MessagingOptions>(o => o.DepthPollingInterval = TimeSpan.Zero);
        builder.AddIngestion();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapIngestionApi();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new IngestionApp(app);
    }

    public HttpClient Client(string? apiKey = WriterKey)
    {
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
        }

        return client;
    }

    public async Task<EmbeddedServiceBus> EngineAsync() => await Services.GetRequiredService<EmbeddedServiceBusProvider>().GetEngineAsync();

    /// <summary>Waits until the dispatcher has published everything written so far, then returns what the entity holds.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> PublishedAsync(string entityPath, string? subject = null)
    {
        await WaitForOutboxAsync();
        var engine = await EngineAsync();
        return [.. engine.Peek(entityPath, 0, 1000).Where(m => subject is null || m.Subject == subject)];
    }

    public async Task WaitForOutboxAsync()
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while ((await Catalog.GetUnpublishedAsync(10)).Count > 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The outbox was not drained within 10 seconds.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
