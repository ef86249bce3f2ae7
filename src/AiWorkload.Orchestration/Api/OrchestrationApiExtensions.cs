using AiWorkload.Orchestration.Api;
using AiWorkload.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

public static class OrchestrationApiExtensions
{
    /// <summary>
    /// Runs, pipelines and policy decisions over HTTP: <c>GET /api/runs</c>, <c>GET /api/runs/{runId}</c>,
    /// <c>POST /api/runs/{runId}/cancel</c>, <c>GET /api/pipelines</c>, <c>GET /api/pipelines/{name}</c> and
    /// <c>GET /api/decisions</c>. Reads need the workload.read policy, cancel workload.write; every route is rate limited per key.
    /// </summary>
    public static WebApplication MapOrchestrationApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseApiKeyAuthentication();
        var api = app.MapGroup("/api")
            .RequireRateLimiting(ApiKeyDefaults.RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapGet("/", RunEndpoints.ListAsync).WithName("ListRuns").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("Runs, newest first; filter by pipeline, modelId and state; page with page and pageSize.");
        runs.MapGet("/{runId}", RunEndpoints.GetAsync).WithName("GetRun").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("A run with every activity's status, attempts, timings, inputs, outputs and errors, its events and history.");
        runs.MapPost("/{runId}/cancel", RunEndpoints.CancelAsync).WithName("CancelRun").RequireAuthorization(ApiKeyDefaults.WritePolicy)
            .WithSummary("Cancel a Pending or Running run: its unfinished activities stop and their timers are cancelled.");
        var pipelines = api.MapGroup("/pipelines").WithTags("Pipelines");
        pipelines.MapGet("/", PipelineEndpoints.List).WithName("ListPipelines").RequireAuthorization(ApiKeyDefaults.ReadPolicy);
        pipelines.MapGet("/{name}", PipelineEndpoints.Get).WithName("GetPipeline").RequireAuthorization(ApiKeyDefaults.ReadPolicy);
        api.MapGet("/decisions", DecisionEndpoints.ListAsync).WithName("ListDecisions").WithTags("Policies").RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithSummary("Drift and new-data policy decisions, newest first, including those that triggered nothing, with the reason.");
        return app;
    }
}
