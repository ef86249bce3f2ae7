using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Processing;
using AiWorkload.Messaging.Topology;
using AiWorkload.Training;
using AiWorkload.Training.Artifacts;
using AiWorkload.Training.Hosting;
using AiWorkload.Training.Inference;
using AiWorkload.Training.Jobs;
using AiWorkload.Training.Learning;
using AiWorkload.Training.Options;
using AiWorkload.Training.Promotion;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class RetrainingHostingExtensions
{
    /// <summary>
    /// The retraining service: the catalog, the workload messages, a processor on the retraining queue (sessions per model,
    /// lock renewal for the whole job, retry with backoff) running <see cref="RetrainModelHandler"/>, a processor on the
    /// inference subscription switching served models on ModelPromoted, the artifact store, the trainers, a health check, and
    /// the API-key authentication (ServiceDefaults) that guards the inference endpoint.
    /// Settings come from the <c>Training</c> section (<see cref="RetrainingOptions"/>). Registers no transport: the host
    /// adds AddEmbeddedServiceBus() or the Azure adapter. Safe to call from several services composed in one host.
    /// </summary>
    public static IHostApplicationBuilder AddRetraining(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(RetrainingMarker)))
        {
            return builder;
        }

        services.AddSingleton<RetrainingMarker>();
        builder.AddWorkloadCatalog();
        var dataDirectory = builder.GetDataDirectory();
        services.AddOptions<RetrainingOptions>()
            .Bind(builder.Configuration.GetSection(RetrainingOptions.SectionName))
            .Validate(o => o.MinimumRows >= 2, "Training:MinimumRows must be at least 2, so a validation split can be held out.")
            .Validate(o => o.MaxConcurrentJobs >= 1, "Training:MaxConcurrentJobs must be at least 1.")
            .Validate(o => o.MaxJobDuration > TimeSpan.Zero, "Training:MaxJobDuration must be positive: training outlives the queue's lock.")
            .Validate(o => o.DeadLetterSweepInterval > TimeSpan.Zero, "Training:DeadLetterSweepInterval must be positive.")
            .Validate(o => o.Retry.MaxAttempts is >= 1 and < WorkloadTopology.MaxDeliveryCount,
                $"Training:Retry:MaxAttempts must lie between 1 and {WorkloadTopology.MaxDeliveryCount - 1}, below the queue's MaxDeliveryCount.")
            .PostConfigure(o => o.Artifacts.BlobConnectionString ??= builder.Configuration.GetConnectionString(ArtifactStoreOptions.ConnectionName))
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TrainingTelemetry>();
        services.AddSingleton<ITrainer, LogisticRegressionTrainer>();
        services.AddSingleton<ITrainer, LinearRegressionTrainer>();
        services.TryAddSingleton(sp => CreateArtifactStore(sp, dataDirectory));
        services.TryAddSingleton<TrainerResolver>();
        services.TryAddSingleton<TrainingDataLoader>();
        services.TryAddSingleton<PromotionEvaluator>();
        services.TryAddSingleton<JobOutcomeStore>();
        services.TryAddSingleton<TrainingEvents>();
        services.TryAddSingleton<TrainingJobRunner>();
        services.AddHostedService<DeadLetteredJobSweeper>();
        services.TryAddSingleton<ModelServingCache>();
        builder.AddApiKeyAuthentication();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, InferenceJsonContext.Default));
        services.AddHealthChecks().AddCheck<RetrainingHealthCheck>("retraining");

        var messaging = builder.AddMessaging().AddWorkloadMessages();
        var queue = MessageSource.Queue(WorkloadTopology.RetrainingQueue);
        messaging.AddProcessor(queue).AddHandler<RetrainModel, RetrainModelHandler>();
        services.AddOptions<MessageProcessorOptions>(queue.EntityPath).Configure<IOptions<RetrainingOptions>>((processor, retraining) =>
        {
            var settings = retraining.Value;
            processor.MaxConcurrentSessions = settings.MaxConcurrentJobs;
            processor.MaxAutoLockRenewalDuration = settings.MaxJobDuration;
            processor.PrefetchCount = 0; // a prefetched message's lock would run out while a job trains
            processor.Retry = settings.Retry;
        });
        messaging.AddProcessor(MessageSource.Subscription(WorkloadTopology.WorkloadEventsTopic, WorkloadTopology.InferenceSubscription))
            .AddHandler<ModelPromoted, ModelPromotedHandler>();
        return builder;
    }

    private static IArtifactStore CreateArtifactStore(IServiceProvider services, string dataDirectory)
    {
        var settings = services.GetRequiredService<IOptions<RetrainingOptions>>().Value.Artifacts;
        if (!string.IsNullOrWhiteSpace(settings.BlobConnectionString))
        {
            // A TokenCredential the host registered (AddAzureClients, a test) is used for a URL; else DefaultAzureCredential.
            return new BlobArtifactStore(BlobStorageConnection.CreateContainerClient(
                settings.BlobConnectionString, settings.Container, services.GetService<TokenCredential>()));
        }

        return new FileSystemArtifactStore(settings.Directory is { Length: > 0 } directory
            ? Path.GetFullPath(directory, dataDirectory)
            : Path.Combine(dataDirectory, "artifacts"));
    }
}
