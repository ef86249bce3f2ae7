using AiWorkload.Catalog;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Embedded;
using AiWorkload.Messaging.Embedded.Adapter;
using AiWorkload.Messaging.Embedded.Messages;
using AiWorkload.Messaging.Topology;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>
/// A real host composed as the Standalone one is: the embedded Service Bus, AddOrchestration, the API on a test server,
/// plus a fake retraining service on the model-retraining queue and an event log on the inference subscription.
/// API keys are ServiceDefaults' scheme, configured with an operator key (read, write) and a viewer key (read only).
/// </summary>
internal sealed class OrchestrationHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TemporaryDirectory? _owned;

    private OrchestrationHost(WebApplication app, TemporaryDirectory? owned)
    {
        _app = app;
        _owned = owned;
    }

    public IServiceProvider Services => _app.Services;

    public IMessageBus Bus => Services.GetRequiredService<IMessageBus>();

    public IRunStore Store => Services.GetRequiredService<IRunStore>();

    public IWorkloadCatalog Catalog => Services.GetRequiredService<IWorkloadCatalog>();

    public TrainerScript Trainer => Services.GetRequiredService<TrainerScript>();

    public EventLog Events => Services.GetRequiredService<EventLog>();

    public const string OperatorKey = "operator-key-0123456789";

    public const string ViewerKey = "viewer-key-0123456789";

    /// <summary>A client of the API with a key (the operator's, with read and write scopes, unless told otherwise).</summary>
    public HttpClient CreateClient(string? apiKey = OperatorKey)
    {
        var client = _app.GetTestClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public static async Task<OrchestrationHost> StartAsync(HostSetup? setup = null)
    {
        setup ??= new HostSetup();
        var owned = setup.Directory is null ? new TemporaryDirectory() : null;
        var directory = (setup.Directory ?? owned)!.Path;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory, EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CatalogExtensions.DataDirectoryKey] = directory,
            ["Authentication:ApiKeys:0:Name"] = "operator",
            ["Authentication:ApiKeys:0:Key"] = OperatorKey,
            ["Authentication:ApiKeys:0:Scopes"] = "read write",
            ["Authentication:ApiKeys:1:Name"] = "viewer",
            ["Authentication:ApiKeys:1:Key"] = ViewerKey,
            ["Authentication:ApiKeys:1:Scopes"] = "read",
        });
        builder.Configuration.AddInMemoryCollection(setup.Configuration);
        if (setup.Time is not null)
        {
            builder.Services.AddSingleton(setup.Time);
        }

        builder.AddEmbeddedServiceBus(o =>
        {
            o.DataDirectory = Path.Combine(directory, "servicebus");
            o.InMemory = !setup.DurableBus;
            o.Durability = EngineDurability.ProcessCrashSafe;
        });
        var messaging = builder.AddMessaging(o => o.DepthPollingInterval = TimeSpan.Zero);
        var orchestration = builder.AddOrchestration(setup.Options);
        setup.Orchestration?.Invoke(orchestration);
        builder.Services.AddSingleton<TrainerScript>();
        builder.Services.AddSingleton<EventLog>();
        if (setup.Trainer)
        {
            messaging.AddProcessor(MessageSource.Queue(WorkloadTopology.RetrainingQueue)).AddHandler<RetrainModel, FakeTrainer>();
        }

        messaging.AddProcessor(MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.InferenceSubscription))
            .AddHandler<PipelineRunChanged, EventLogHandler<PipelineRunChanged>>()
            .AddHandler<PipelineNotification, EventLogHandler<PipelineNotification>>();
        var app = builder.Build();
        app.MapOrchestrationApi();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            owned?.Dispose();
            throw;
        }

        return new OrchestrationHost(app, owned);
    }

    public Task StartRunAsync(string runId, string pipeline, string? modelId = Seed.Model, IReadOnlyDictionary<string, string>? parameters = null) =>
        Bus.SendAsync(new StartPipelineRun(runId, pipeline, "manual", DateTimeOffset.UtcNow, modelId, parameters));

    /// <summary>Polls the store until the run satisfies <paramref name="condition"/> (10 s at most, in real time).</summary>
    public async Task<PipelineRun> WaitForRunAsync(string runId, Func<PipelineRun, bool> condition, string? what = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var run = await Store.GetRunAsync(runId);
            if (run is not null && condition(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"run {runId} never became {what ?? "as expected"}; it is {run?.State.ToString() ?? "missing"}: " +
                string.Join("; ", run?.Activities.Select(a => $"{a.Name}={a.Status} {a.Error}") ?? []));
            await Task.Delay(10);
        }
    }

    public Task<PipelineRun> WaitForStateAsync(string runId, RunState state) => WaitForRunAsync(runId, r => r.State == state, state.ToString());

    public Task<PipelineRun> WaitForActivityAsync(string runId, string activity, ActivityStatus status) =>
        WaitForRunAsync(runId, r => r.FindActivity(activity)?.Status == status, $"{activity} {status}");

    /// <summary>Scheduled messages waiting in pipeline-timers (timeouts, retries, schedule ticks), by MessageId.</summary>
    public async Task<IReadOnlyList<string>> ScheduledTimersAsync()
    {
        var engine = await Services.GetRequiredService<EmbeddedServiceBusProvider>().GetEngineAsync();
        return [.. engine.Peek(WorkloadTopology.PipelineTimersQueue, 0, 1000).Where(m => m.State == MessageState.Scheduled).Select(m => m.MessageId)];
    }

    /// <summary>Waits until the outbox sent everything committed (scheduled timers included), so a clock advance finds them.</summary>
    public async Task DrainOutboxAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await Store.GetOutboxBacklogAsync()).Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the outbox did not drain");
            await Task.Delay(10);
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
            _owned?.Dispose();
        }
    }
}
