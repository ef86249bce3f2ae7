using AiWorkload.Orchestration.Api;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using AiWorkload.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public static class OrchestrationApiExtensions
{
    /// <summary>
    /// Runs, pipelines and policy decisions over HTTP: <c>GET /api/runs</c>, <c>GET /api/runs/{runId}</c>,
    /// <c>POST /api/runs/{runId}/cancel</c>, <c>GET /api/pipelines</c>, <c>GET /api/pipelines/{name}</c>,
    /// <c>POST /api/pipelines/{name}/runs</c> and <c>GET /api/decisions</c>. Reads need the workload.read policy, cancel and
    /// start workload.write; every route is rate limited per key. Every response is declared for the OpenAPI document.
    /// </summary>
    public static WebApplication MapOrchestrationApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiKeyAuthentication();
        var api = app.MapGroup("/api")
            .RequireRateLimiting(ApiKeyDefaults.RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapGet("/", RunEndpoints.ListAsync).WithName("ListRuns").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("Runs, newest first; filter by pipeline, modelId and state (each takes several values: a,b or repeated); page with page and pageSize.")
            .Produces<Page<RunSummary>>()
            .ProducesValidationProblem();
        runs.MapGet("/{runId}", RunEndpoints.GetAsync).WithName("GetRun").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("A run with every activity's status, attempts, timings, inputs, outputs and errors, its events and history.")
            .Produces<PipelineRun>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost("/{runId}/cancel", RunEndpoints.CancelAsync).WithName("CancelRun").RequireAuthorization(ApiKeyDefaults.WritePolicy)
            .WithSummary("Cancel a Pending or Running run: its unfinished activities stop and their timers are cancelled.")
            .Produces<PipelineRun>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        var pipelines = api.MapGroup("/pipelines").WithTags("Pipelines");
        pipelines.MapGet("/", PipelineEndpoints.List).WithName("ListPipelines").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("The loaded pipeline definitions, by name.")
            .Produces<IReadOnlyList<PipelineDefinition>>();
        pipelines.MapGet("/{name}", PipelineEndpoints.Get).WithName("GetPipeline").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("One pipeline definition: its activities, dependencies, retries, timeouts and triggers.")
            .Produces<PipelineDefinition>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        pipelines.MapPost("/{name}/runs", StartRunEndpoint.HandleAsync).WithName("StartPipelineRun").RequireAuthorization(ApiKeyDefaults.WritePolicy)
            .WithSummary("Start a pipeline run (served at /api/runs/{runId}). A pipeline that trains a model already being retrained answers 409 with " +
                "the active run's Location, unless queue=true: the run then waits and starts when the active one ends.")
            .Accepts<StartRunRequest>(isOptional: true, "application/json")
            .Produces<RunAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/decisions", DecisionEndpoints.ListAsync).WithName("ListDecisions").WithTags("Policies").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("Drift and new-data policy decisions, newest first, including those that triggered nothing, with the reason; modelId and policy take several values.")
            .Produces<Page<PolicyDecision>>()
            .ProducesValidationProblem();
        return app;
    }
}
