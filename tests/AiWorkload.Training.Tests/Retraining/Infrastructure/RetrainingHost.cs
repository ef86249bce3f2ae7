using AiWorkload.Catalog;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.DeadLetters;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Adapter;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Topology;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Learning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

/// <summary>
/// The retraining service composed as a host would compose it: AddRetraining and MapInferenceApi on Kestrel (loopback,
/// any port), on the durable embedded engine in the test's directory, plus a recorder of every workload event on the
/// orchestrator subscription. Stopping and starting another host on the same directory is a restart.
/// </summary>
internal sealed class RetrainingHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RetrainingHost(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public IWorkloadCatalog Catalog => Services.GetRequiredService<IWorkloadCatalog>();

    public IMessageBus Bus => Services.GetRequiredService<IMessageBus>();

    public IDeadLetterQueues DeadLetters => Services.GetRequiredService<IDeadLetterQueues>();

    public IArtifactStore Artifacts => Services.GetRequiredService<IArtifactStore>();

    public EventRecorder Events => Services.GetRequiredService<EventRecorder>();

    public MessagingTelemetry MessagingTelemetry => Services.GetRequiredService<MessagingTelemetry>();

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<RetrainingHost> StartAsync(
        string dataDirectory,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        params ITrainer[] trainers)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [CatalogExtensions.DataDirectoryKey] = dataDirectory,
        });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        foreach (var trainer in trainers)
        {
            builder.Services.AddSingleton<ITrainer>(trainer);
        }

        builder.Services.AddSingleton<EventRecorder>();
        builder.AddEmbeddedServiceBus(o =>
        {
            o.DataDirectory = Path.Combine(dataDirectory, "servicebus");
            o.Durability = EngineDurability.ProcessCrashSafe;
        });
        builder.AddMessaging(o => o.DepthPollingInterval = TimeSpan.Zero);
        builder.AddRetraining();
        builder.AddMessaging()
            .AddProcessor(MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.OrchestratorSubscription))
            .AddHandler<TrainingStarted, RecordingHandler<TrainingStarted>>()
            .AddHandler<ModelTrained, RecordingHandler<ModelTrained>>()
            .AddHandler<ModelPromoted, RecordingHandler<ModelPromoted>>()
            .AddHandler<ModelRejected, RecordingHandler<ModelRejected>>()
            .AddHandler<TrainingFailed, RecordingHandler<TrainingFailed>>();

        var app = builder.Build();
        app.MapInferenceApi();
        await app.StartAsync();
        return new RetrainingHost(app);
    }

    public async Task<EmbeddedServiceBus> GetEngineAsync() =>
        await Services.GetRequiredService<EmbeddedServiceBusProvider>().GetEngineAsync();

    /// <summary>Waits until the retraining queue holds nothing: every request was settled one way or the other.</summary>
    public Task WaitUntilQueueEmptyAsync() => WaitUntilEmptyAsync(WorkloadTopology.RetrainingQueue);

    /// <summary>Waits until an entity holds no message in any state: everything that reached it was settled.</summary>
    public async Task WaitUntilEmptyAsync(string entityPath)
    {
        var engine = await GetEngineAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (engine.Peek(entityPath, 0, 10) is { Count: > 0 } left)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{entityPath} still holds {left.Count} messages");
            await Task.Delay(10);
        }
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
