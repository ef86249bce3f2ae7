using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Models;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Events;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Models;
using AiWorkload.Ingestion.Outbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AiWorkload.Ingestion.Metrics;

/// <summary>
/// POST /api/models/{modelId}/metrics: announces an observed metric (and drift score) as ModelMetricsReported. Its
/// <c>trigger</c> is <c>model_metrics</c>, or <c>model_training</c> when the reporter asks for retraining, so the training
/// subscription's SQL rule receives it. Each report is a new observation unless an Idempotency-Key says otherwise.
/// </summary>
internal sealed class ReportMetricsHandler(IWorkloadCatalog catalog, IdempotentWriter writer, IOptions<IngestionOptions> options)
{
    public async Task<IResult> HandleAsync(string modelId, HttpRequest request, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = IdempotencyKey.Read(request, required: false);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var model = await catalog.GetModelAsync(modelId, cancellationToken);
        if (model is null)
        {
            return ModelQueries.NotFound(modelId);
        }

        var (body, tooLarge) = await RequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var idempotency = key is null ? null : IdempotencyKey.For(key, request, body);
        if (await writer.TryReplayAsync(idempotency, cancellationToken) is { } replay)
        {
            return replay;
        }

        var (report, problem) = JsonBody.Read(body!, IngestionJsonContext.Default.ReportMetricsRequest, required: true);
        if (problem is not null)
        {
            return problem;
        }

        if (Validate(report!, model) is { } invalid)
        {
            return invalid;
        }

        var eventId = EventIds.Create("model-metrics", modelId, key ?? Guid.NewGuid().ToString("N"));
        var trigger = report!.RequestRetraining == true ? WorkloadTriggers.ModelTraining : WorkloadTriggers.ModelMetrics;
        return await writer.CommitAsync(idempotency, (catalogWriter, now) =>
        {
            var observedAt = report.ObservedAt ?? now;
            var reported = new ModelMetricsReported(eventId, modelId, report.Metric!, report.Value!.Value, report.DriftScore, observedAt, trigger);
            catalogWriter.Enqueue(WorkloadOutbox.Entry(reported, now));
            var accepted = new MetricsAccepted(eventId, modelId, reported.Metric, reported.Value, reported.DriftScore, trigger, observedAt);
            return new ApiResponse(StatusCodes.Status202Accepted, Locations.Model(modelId), JsonSerializer.Serialize(accepted, IngestionJsonContext.Default.MetricsAccepted));
        }, cancellationToken);
    }

    private static IResult? Validate(ReportMetricsRequest report, ModelDefinition model)
    {
        var errors = new ErrorList();
        if (report.Metric is null)
        {
            errors.Add("metric", $"The metric is required: one of {ModelMetricNames.Describe(model.Task)}.");
        }
        else if (!ModelMetricNames.IsKnown(model.Task, report.Metric))
        {
            errors.Add("metric", $"'{report.Metric}' is not a metric of {ModelMapping.TaskText(model.Task)} model '{model.ModelId}': use one of {ModelMetricNames.Describe(model.Task)}.");
        }

        if (report.Value is not { } value || !double.IsFinite(value))
        {
            errors.Add("value", "The observed value is required and must be a finite number.");
        }

        if (report.DriftScore is { } drift && (!double.IsFinite(drift) || drift < 0))
        {
            errors.Add("driftScore", "The drift score must be a finite number of 0 or more.");
        }

        return errors.Any ? Problems.Validation(errors.ToDictionary()) : null;
    }
}
