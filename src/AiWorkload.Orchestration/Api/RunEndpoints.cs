using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiWorkload.Orchestration.Api;

internal static class RunEndpoints
{
    /// <summary>Every filter takes several values (comma-separated or repeated); a run matches any of them.</summary>
    public static async Task<Results<JsonHttpResult<Page<RunSummary>>, ValidationProblem>> ListAsync(
        string[]? pipeline, string[]? modelId, string[]? state, int? page, int? pageSize, IRunStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var paging = Paging.Read(page, pageSize, errors);
        var pipelines = FilterValues.Read(pipeline, "pipeline", errors);
        var models = FilterValues.Read(modelId, "modelId", errors);
        var states = States(FilterValues.Read(state, "state", errors), errors);
        if ((pipelines?.Count ?? 1) * (models?.Count ?? 1) * (states?.Count ?? 1) > FilterValues.MaxValues)
        {
            errors["query"] = [$"At most {FilterValues.MaxValues} combinations of filter values are accepted."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var queries = (
            from p in FilterValues.OrUnfiltered(pipelines)
            from m in FilterValues.OrUnfiltered(models)
            from s in states is null ? [null] : states.Select(v => (RunState?)v)
            select (Func<int, int, Task<Page<RunSummary>>>)((number, size) => store.QueryRunsAsync(new RunQuery(p, m, s, number, size), cancellationToken))).ToList();
        var result = await MergedPages.ReadAsync(queries, paging.Page, paging.PageSize, NewestRunFirst.Instance);
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

    private static IReadOnlyList<RunState>? States(IReadOnlyList<string>? names, Dictionary<string, string[]> errors)
    {
        if (names is null)
        {
            return null;
        }

        var states = new List<RunState>();
        foreach (var name in names)
        {
            if (Enum.TryParse<RunState>(name, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(name, out _))
            {
                states.Add(value);
            }
            else
            {
                errors["state"] = [$"'{name}' is not a run state; use one or more of {string.Join(", ", Enum.GetNames<RunState>())}."];
            }
        }

        return [.. states.Distinct()];
    }

    private static ProblemHttpResult NotFound(string runId) => TypedResults.Problem(
        title: "No such run.",
        detail: $"No run has the id '{runId}'.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["runId"] = runId });
}
