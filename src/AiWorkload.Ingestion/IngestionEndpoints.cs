using AiWorkload.Ingestion.Datasets;
using AiWorkload.Ingestion.Http;
using AiWorkload.Ingestion.Metrics;
using AiWorkload.Ingestion.Models;
using AiWorkload.Ingestion.Retraining;
using AiWorkload.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AiWorkload.Ingestion;

/// <summary>The routes. Writes need the write scope, reads the read scope; every route is rate limited per key.</summary>
internal static class IngestionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Locations.ApiPrefix)
            .RequireRateLimiting(ApiKeyDefaults.RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        MapModels(api.MapGroup("/models").WithTags("Models"));
        MapDatasets(api.MapGroup("/datasets").WithTags("Datasets"));
        // Manual pipeline runs are started by the orchestration API, which owns the pipelines and enforces single-flight.
    }

    private static void MapModels(RouteGroupBuilder models)
    {
        models.MapPost("/", (HttpRequest request, RegisterModelHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName("RegisterModel")
            .WithSummary("Register a model with its dataset schema, promotion policy and drift policy.")
            .Writes()
            .WithBody<RegisterModelRequest>(required: true)
            .Produces<ModelResponse>(StatusCodes.Status201Created)
            .Produces<ModelResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey(required: false);
        models.MapGet("/", (ModelQueries queries, CancellationToken ct) => queries.ListAsync(ct))
            .WithName("ListModels")
            .WithSummary("List the registered models with their versions and metrics.")
            .Reads()
            .Produces<IReadOnlyList<ModelResponse>>();
        models.MapGet("/{modelId}", (string modelId, ModelQueries queries, CancellationToken ct) => queries.GetAsync(modelId, ct))
            .WithName("GetModel")
            .WithSummary("Get one model with its dataset, policies, versions and metrics.")
            .Reads()
            .Produces<ModelResponse>()
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{modelId}/versions", (string modelId, ModelQueries queries, CancellationToken ct) => queries.VersionsAsync(modelId, ct))
            .WithName("ListModelVersions")
            .WithSummary("List a model's trained versions with their metrics and promotion decisions.")
            .Reads()
            .Produces<IReadOnlyList<ModelVersionResponse>>()
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        models.MapPost("/{modelId}/metrics", (string modelId, HttpRequest request, ReportMetricsHandler handler, CancellationToken ct) => handler.HandleAsync(modelId, request, ct))
            .WithName("ReportModelMetrics")
            .WithSummary("Report observed performance or drift; requestRetraining routes the report to the training subscription.")
            .Writes()
            .WithBody<ReportMetricsRequest>(required: true)
            .Produces<MetricsAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey(required: false);
        models.MapPost("/{modelId}/retrain", (string modelId, HttpRequest request, RetrainHandler handler, CancellationToken ct) => handler.HandleAsync(modelId, request, ct))
            .WithName("RequestRetraining")
            .WithSummary("Request a retraining; the Idempotency-Key is the request and job id.")
            .Writes()
            .WithBody<RetrainRequest>(required: false)
            .Produces<RetrainingAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey(required: true);
        models.MapGet("/{modelId}/retrainings/{requestId}", (string modelId, string requestId, RetrainingQueries queries, CancellationToken ct) => queries.GetAsync(modelId, requestId, ct))
            .WithName("GetRetraining")
            .WithSummary("Follow a retraining request: queued, then trained with the version it produced.")
            .Reads()
            .Produces<RetrainingStatus>()
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
    }

    private static void MapDatasets(RouteGroupBuilder datasets)
    {
        datasets.MapPost("/{datasetId}/batches", (string datasetId, HttpRequest request, IngestBatchHandler handler, CancellationToken ct) => handler.HandleAsync(datasetId, request, ct))
            .WithName("IngestBatch")
            .WithSummary("Ingest a batch of labelled records as JSON or CSV (header row = columns); it becomes the dataset's next data version.")
            .Writes()
            .WithBody<JsonRecordsRequest>(required: true, acceptsCsv: true)
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .Produces<BatchResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .WithIdempotencyKey(required: false);
        datasets.MapGet("/", (DatasetQueries queries, CancellationToken ct) => queries.ListAsync(ct))
            .WithName("ListDatasets")
            .WithSummary("List the datasets with their schema, row count and data version.")
            .Reads()
            .Produces<IReadOnlyList<DatasetResponse>>();
        datasets.MapGet("/{datasetId}", (string datasetId, DatasetQueries queries, CancellationToken ct) => queries.GetAsync(datasetId, ct))
            .WithName("GetDataset")
            .WithSummary("Get one dataset's schema, row count and data version.")
            .Reads()
            .Produces<DatasetResponse>()
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
    }

    private static RouteHandlerBuilder Reads(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(ApiKeyDefaults.ReadPolicy);

    /// <summary>Every write answers client errors as validation problems, and refuses oversized or mistyped bodies.</summary>
    private static RouteHandlerBuilder Writes(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(ApiKeyDefaults.WritePolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static RouteHandlerBuilder WithBody<T>(this RouteHandlerBuilder endpoint, bool required, bool acceptsCsv = false) =>
        endpoint.WithMetadata(new RequestBodyMetadata(typeof(T), required, acceptsCsv));

    private static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint, bool required) =>
        endpoint.WithMetadata(new IdempotencyKeyMetadata(required));
}
