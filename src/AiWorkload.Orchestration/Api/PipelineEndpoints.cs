using AiWorkload.Orchestration.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiWorkload.Orchestration.Api;

internal static class PipelineEndpoints
{
    public static JsonHttpResult<IReadOnlyList<PipelineDefinition>> List(PipelineRegistry pipelines) =>
        TypedResults.Json<IReadOnlyList<PipelineDefinition>>([.. pipelines.All.OrderBy(p => p.Name, StringComparer.Ordinal)], OrchestrationJsonContext.Default.IReadOnlyListPipelineDefinition);

    public static Results<JsonHttpResult<PipelineDefinition>, ProblemHttpResult> Get(string name, PipelineRegistry pipelines) =>
        pipelines.Find(name) is { } pipeline
            ? TypedResults.Json(pipeline, OrchestrationJsonContext.Default.PipelineDefinition)
            : TypedResults.Problem(
                title: "No such pipeline.",
                detail: $"No pipeline is named '{name}'; GET /api/pipelines lists them.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["name"] = name });
}
