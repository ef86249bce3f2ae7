using AiWorkload.Catalog;
using AiWorkload.Ingestion;
using AiWorkload.Ingestion.Datasets;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Metrics;
using AiWorkload.Ingestion.Models;
using AiWorkload.Ingestion.OpenApi;
using AiWorkload.Ingestion.Outbox;
using AiWorkload.Ingestion.Retraining;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class IngestionExtensions
{
    public const string HealthCheckName = "ingestion-outbox";

    public const string OutboxConfigurationSection = "Ingestion:Outbox";

    /// <summary>
    /// The ingestion API's services: the catalog, the workload messages, API-key security, the handlers, the outbox
    /// dispatcher and its health check. No transport: the host adds the embedded engine or the Azure adapter. Safe in a
    /// host that composes several services.
    /// </summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddWorkloadCatalog();
        builder.AddMessaging().AddWorkloadMessages();
        builder.AddApiKeyAuthentication();

        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(IngestBatchHandler)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.ConfigurationSection)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Ingestion:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.MaxRowsPerBatch > 0, "Ingestion:MaxRowsPerBatch must be positive.")
            .ValidateOnStart();

        services.AddProblemDetails();
        services.AddOpenApi(IngestionOpenApi.Configure);

        services.AddSingleton<IdempotentWriter>();
        services.AddSingleton<RegisterModelHandler>();
        services.AddSingleton<ModelQueries>();
        services.AddSingleton<IngestBatchHandler>();
        services.AddSingleton<DatasetQueries>();
        services.AddSingleton<ReportMetricsHandler>();
        services.AddSingleton<RetrainHandler>();
        services.AddSingleton<RetrainingQueries>();
        services.AddOutboxDispatcher<IWorkloadCatalog, WorkloadOutboxPublisher>(HealthCheckName).BindConfiguration(OutboxConfigurationSection);
        return builder;
    }
}
