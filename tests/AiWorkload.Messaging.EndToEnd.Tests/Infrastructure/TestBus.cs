using AiWorkload.Messaging.DeadLetters;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Adapter;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Topology;
using AiWorkload.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real host composed as a service would be: AddEmbeddedServiceBus (durable, in a temporary directory) plus AddMessaging
/// with the test message types, the test's processors, a recorder and a replaceable handler script.
/// </summary>
internal sealed class TestBus : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TemporaryDirectory? _ownedDirectory;

    private TestBus(IHost host, TemporaryDirectory? ownedDirectory)
    {
        _host = host;
        _ownedDirectory = ownedDirectory;
    }

    public IServiceProvider Services => _host.Services;

    public IMessageBus Bus => Services.GetRequiredService<IMessageBus>();

    public IDeadLetterQueues DeadLetters => Services.GetRequiredService<IDeadLetterQueues>();

    public Recorder Recorder => Services.GetRequiredService<Recorder>();

    public HandlerScript Script => Services.GetRequiredService<HandlerScript>();

    public MessagingTelemetry Telemetry => Services.GetRequiredService<MessagingTelemetry>();

    public static async Task<TestBus> StartAsync(
        Action<IMessagingBuilder>? configure = null,
        string pingQueue = TestTopology.Work,
        TimeProvider? time = null,
        TemporaryDirectory? directory = null,
        TopologyModel? topology = null)
    {
        var owned = directory is null ? new TemporaryDirectory() : null;
        var dataDirectory = (directory ?? owned)!.Path;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dataDirectory });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton<Recorder>();
        builder.Services.AddSingleton<HandlerScript>();
        builder.AddEmbeddedServiceBus(o =>
        {
            o.DataDirectory = dataDirectory;
            o.Durability = EngineDurability.ProcessCrashSafe;
        });
        var messaging = builder.AddMessaging(o =>
        {
            o.Topology = topology ?? TestTopology.Model;
            o.DepthPollingInterval = TimeSpan.Zero;
        });
        RegisterTypes(messaging, pingQueue);
        configure?.Invoke(messaging);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            owned?.Dispose();
            throw;
        }

        return new TestBus(host, owned);
    }

    public async Task<EmbeddedServiceBus> GetEngineAsync() =>
        await Services.GetRequiredService<EmbeddedServiceBusProvider>().GetEngineAsync();

    /// <summary>Waits until an entity holds no message in any state: everything sent was settled.</summary>
    public async Task WaitUntilEmptyAsync(string entityPath)
    {
        var engine = await GetEngineAsync();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (engine.Peek(entityPath, 0, 100) is { Count: > 0 } left)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{entityPath} still holds {left.Count} messages");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            if (_host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }

            _ownedDirectory?.Dispose();
        }
    }

    private static void RegisterTypes(IMessagingBuilder messaging, string pingQueue) =>
        messaging
            .AddCommand(pingQueue, TestJsonContext.Default.Ping, c => c.IdentifiedBy(p => $"ping-{p.Id}"))
            .AddEvent(WorkloadTopology.WorkloadEventsTopic, TestJsonContext.Default.TrainingRequested, c => c
                .IdentifiedBy(e => $"training-requested-{e.ModelId}-{e.DatasetVersion}")
                .CorrelatedBy(e => e.ModelId)
                .WithProperty(MessageProperties.Trigger, e => e.Trigger)
                .WithProperty(MessageProperties.ModelId, e => e.ModelId))
            .AddCommand(WorkloadTopology.RetrainingQueue, TestJsonContext.Default.RetrainModel, c => c
                .IdentifiedBy(m => $"retrain-{m.ModelId}-v{m.Version}")
                .InSession(m => m.ModelId)
                .WithProperty(MessageProperties.ModelId, m => m.ModelId))
            .AddCommand(WorkloadTopology.PipelineRunsQueue, TestJsonContext.Default.StartPipelineRun, c => c.IdentifiedBy(r => $"run-{r.RunId}"));
}
