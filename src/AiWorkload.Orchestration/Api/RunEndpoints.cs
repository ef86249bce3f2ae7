using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiWorkload.Orchestration.Api;

internal static class RunEndpoints
{
    public static async Task<Results<JsonHttpResult<Page<RunSummary>>, ValidationProblem>> ListAsync(
        string? pipeline, string? modelId, string? state, string? page, string? pageSize, IRunStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Read(page, pageSize, errors);
        RunState? parsed = null;
        if (state is not null)
        {
            if (Enum.TryParse<RunState>(state, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                parsed = value;
            }
            else
            {
                errors["state"] = [$"'{state}' is not a run state; use one of {string.Join(", ", Enum.GetNames<RunState>())}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await store.QueryRunsAsync(new RunQuery(pipeline, modelId, parsed, paging.Page, paging.PageSize), cancellationToken);
        return TypedResults.Json(result, OrchestrationJsonContext.Default.PageRunSummary);
    }

    public static async Task<Results<JsonHttpResult<PipelineRun>, ProblemHttpResult>> GetAsync(string runId, IRunStore store, CancellationToken cancellationToken) =>
        await store.GetRunAsync(runId, cancellationToken) is { } run
            ? TypedResults.Json(run, OrchestrationJsonContext.Default.PipelineRun)
            : NotFound(runId);

    /// <summary>
    /// Cancels the run in one store transaction: unfinished activities stop and their timers are cancelled. Cancelling a
    /// cancelled run returns it again; an already finished run is a conflict.
    /// </summary>
    public static async Task<Results<JsonHttpResult<PipelineRun>, ProblemHttpResult>> CancelAsync(
        string runId, RunCoordinator coordinator, IRunStore store, CancellationToken cancellationToken)
    {
        await coordinator.ExecuteAsync($"cancel:{runId}", async (work, token) =>
        {
            if (await work.LoadRunAsync(runId, token) is { } run)
            {
                RunEngine.Cancel(run, "cancelled on request", work);
            }
        }, cancellationToken);
        var current = await store.GetRunAsync(runId, cancellationToken);
        return current switch
        {
            null => NotFound(runId),
            { State: RunState.Cancelled } => TypedResults.Json(current, OrchestrationJsonContext.Default.PipelineRun),
            _ => TypedResults.Problem(
                title: "The run has already ended.",
                detail: $"Run '{runId}' ended {current.State} at {current.EndedAt:O}; only a Pending or Running run can be cancelled.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["runId"] = runId, ["state"] = current.State.ToString() }),
        };
    }

    private static ProblemHttpResult NotFound(string runId) => TypedResults.Problem(
        title: "No such run.",
        detail: $"No run has the id '{runId}'.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["runId"] = runId });
}
