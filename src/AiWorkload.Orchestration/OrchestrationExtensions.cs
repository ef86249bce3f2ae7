using System.Text.Json.Serialization.Metadata;
using AiWorkload.Catalog;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Processing;
using AiWorkload.Messaging.Topology;
using AiWorkload.Orchestration;
using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Activities.BuiltIn;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Handlers;
using AiWorkload.Orchestration.Hosting;
using AiWorkload.Orchestration.Messages;
using AiWorkload.Orchestration.Outbox;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Store;
using AiWorkload.Orchestration.Triggers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class OrchestrationExtensions
{
    public const string ConfigurationSection = "Orchestration";

    /// <summary>
    /// The orchestration service: pipelines (built-in, C#, <c>Orchestration:Pipelines</c>, <c>Orchestration:PipelinesFile</c>),
    /// the run store (<c>orchestration.db</c> in the data directory), the processors for pipeline-runs, pipeline-timers and the
    /// orchestrator subscription, the drift and new-data policies, schedule triggers and a health check. The host adds
    /// the Service Bus adapter, and maps the API with MapOrchestrationApi. API keys come from ServiceDefaults' AddApiKeyAuthentication.
    /// </summary>
    public static IOrchestrationBuilder AddOrchestration(this IHostApplicationBuilder builder, Action<OrchestrationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(OrchestrationMarker)))
        {
            return new OrchestrationBuilder(services);
        }

        services.AddSingleton<OrchestrationMarker>();
        builder.AddApiKeyAuthentication();
        builder.AddWorkloadCatalog();
        var messaging = builder.AddMessaging().AddWorkloadMessages();
        ConfigureOptions(builder);
        AddCore(services);
        AddMessages(messaging);
        services.AddHostedService<ScheduleInitializer>();
        services.AddHostedService<OutboxSweeper>();
        // The sweep interval keeps its old name in OrchestrationOptions; Orchestration:Outbox may set the rest (backoff, batch).
        services.AddOutboxDispatcher<IRunStore, RunOutboxPublisher>()
            .Configure<IOptions<OrchestrationOptions>>((o, orchestration) => o.SweepInterval = orchestration.Value.OutboxSweepInterval)
            .BindConfiguration($"{ConfigurationSection}:Outbox");
        services.AddHealthChecks().AddCheck<OrchestrationHealthCheck>("orchestration");
        return new OrchestrationBuilder(services);
    }

    private static void ConfigureOptions(IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ConfigurationSection);
        var dataDirectory = builder.GetDataDirectory();
        var contentRoot = builder.Environment.ContentRootPath;
        // Runs before the configure delegates given to AddOrchestration, which may override any of it.
        builder.Services.AddOptions<OrchestrationOptions>();
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<OrchestrationOptions>>(new ConfigureOptions<OrchestrationOptions>(o =>
        {
            o.DataDirectory ??= dataDirectory;
            if (section["PipelinesFile"] is { Length: > 0 } file)
            {
                o.PipelinesFile = Path.GetFullPath(file, contentRoot);
            }

            if (bool.TryParse(section["IncludeDefaultPipelines"], out var include))
            {
                o.IncludeDefaultPipelines = include;
            }
        })));
    }

    private static void AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRunStore>(sp => new SqliteRunStore(sp.GetRequiredService<IOptions<OrchestrationOptions>>().Value.DataDirectory
            ?? throw new InvalidOperationException("OrchestrationOptions.DataDirectory is not set.")));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, ValidateDatasetActivity>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, TrainActivity>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, EvaluateActivity>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, PromoteActivity>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, WaitForEventActivity>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, NotifyActivity>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventPolicy, DriftPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventPolicy, NewDataPolicy>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEventPolicy, QueuedRunPolicy>());
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton(sp => new PipelineRegistry(
            sp.GetRequiredService<IOptions<OrchestrationOptions>>().Value,
            sp.GetRequiredService<ActivityRegistry>(),
            sp.GetService<IConfiguration>()));
        services.AddSingleton<RunEngine>();
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<OutboxMessageTypes>();
        services.AddSingleton<EventRouter>();
        services.AddSingleton<ScheduleService>();
        var json = WorkloadJsonContext.Default;
        services.AddSingleton<IOutboxMessageType>(new OutboxMessageType<RetrainModel>(json.RetrainModel));
        services.AddSingleton<IOutboxMessageType>(new OutboxMessageType<StartPipelineRun>(json.StartPipelineRun));
        services.AddSingleton<IOutboxMessageType>(new OutboxMessageType<PipelineRunChanged>(json.PipelineRunChanged));
        services.AddSingleton<IOutboxMessageType>(new OutboxMessageType<PipelineNotification>(json.PipelineNotification));
        services.AddSingleton<IOutboxMessageType>(new OutboxMessageType<RunTimer>(OrchestrationJsonContext.Default.RunTimer));
        services.AddSingleton<IOutboxMessageType>(new OutboxMessageType<ScheduleTick>(OrchestrationJsonContext.Default.ScheduleTick));
    }

    private static void AddMessages(IMessagingBuilder messaging)
    {
        var json = WorkloadJsonContext.Default;
        messaging
            .AddCommand(WorkloadTopology.PipelineTimersQueue, OrchestrationJsonContext.Default.RunTimer, c => c.IdentifiedBy(t => t.TimerId).CorrelatedBy(t => t.RunId))
            .AddCommand(WorkloadTopology.PipelineTimersQueue, OrchestrationJsonContext.Default.ScheduleTick, c => c.IdentifiedBy(t => ScheduleService.TickId(t.ScheduleKey, t.FireAt)));
        var runs = MessageSource.Queue(WorkloadTopology.PipelineRunsQueue);
        var timers = MessageSource.Queue(WorkloadTopology.PipelineTimersQueue);
        var events = MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.OrchestratorSubscription);
        // Runs touched by concurrent messages are serialised by the store's version checks, so these may run in parallel.
        foreach (var source in new[] { runs, timers, events })
        {
            messaging.Services.AddOptions<MessageProcessorOptions>(source.EntityPath)
                .Configure<IOptions<OrchestrationOptions>>((o, orchestration) => o.MaxConcurrentCalls = orchestration.Value.MaxConcurrentCalls);
        }

        messaging.AddProcessor(runs).AddHandler<StartPipelineRun, StartPipelineRunHandler>();
        messaging.AddProcessor(timers)
            .AddHandler<RunTimer, RunTimerHandler>()
            .AddHandler<ScheduleTick, ScheduleTickHandler>();
        messaging.AddProcessor(events)
            .AddEventHandler(json.DataIngested)
            .AddEventHandler(json.ModelMetricsReported)
            .AddEventHandler(json.ModelRegistered)
            .AddEventHandler(json.RetrainingRequested)
            .AddEventHandler(json.TrainingStarted)
            .AddEventHandler(json.ModelTrained)
            .AddEventHandler(json.TrainingFailed)
            .AddEventHandler(json.ModelPromoted)
            .AddEventHandler(json.ModelRejected)
            .AddEventHandler(json.PipelineRunChanged)
            .AddEventHandler(json.PipelineNotification);
    }

    private static IMessageProcessorBuilder AddEventHandler<T>(this IMessageProcessorBuilder processor, JsonTypeInfo<T> json)
        where T : class
    {
        processor.Services.AddSingleton(new EventJson<T>(json));
        return processor.AddHandler<T, WorkloadEventHandler<T>>();
    }
}
