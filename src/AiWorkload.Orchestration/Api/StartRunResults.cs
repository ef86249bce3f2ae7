using AiWorkload.ServiceDefaults.Problems;
using System.Text.Json;
using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Runs;
using Microsoft.AspNetCore.Http;

namespace AiWorkload.Orchestration.Api;

/// <summary>The answers to a start request: 202 with the run's Location, 409 pointing at the model's active run, 422 for a reused key.</summary>
internal static class StartRunResults
{
    public static IResult From(StartDecision decision, string pipeline, string? modelId)
    {
        if (decision.Created is { } created)
        {
            return Accepted(created, decision.ActiveRunId);
        }

        if (decision.Existing is { } existing)
        {
            return existing.Pipeline == pipeline && existing.ModelId == modelId
                ? Accepted(existing, null)
                : FieldProblem.Result(StartRunEndpoint.IdempotencyHeader, $"The key is already run {existing.RunId} of pipeline '{existing.Pipeline}'{(existing.ModelId is null ? string.Empty : $" for model '{existing.ModelId}'")}; use a new key for another run.", StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used for another request.");
        }

        var active = decision.ActiveRunId ?? throw new InvalidOperationException("A start request was neither accepted, replayed nor refused.");
        var location = Location(active);
        return new LocatedResult(location, FieldProblem.Result(
            "modelId",
            ManualFlight.BusyReason(modelId!, active),
            StatusCodes.Status409Conflict,
            "The model is already being retrained.",
            new Dictionary<string, object?> { ["activeRunId"] = active, ["activeRun"] = location }));
    }

    public static string Location(string runId) => $"/api/runs/{Uri.EscapeDataString(runId)}";

    private static LocatedResult Accepted(PipelineRun run, string? queuedBehind)
    {
        var status = ManualFlight.IsQueued(run) ? "queued" : run.State.ToString().ToLowerInvariant();
        var body = new RunAccepted(run.RunId, run.Pipeline, run.ModelId, status, run.CreatedAt, queuedBehind);
        return new LocatedResult(Location(run.RunId), TypedResults.Json(body, OrchestrationApiJsonContext.Default.RunAccepted, statusCode: StatusCodes.Status202Accepted));
    }
}
