using AiWorkload.ServiceDefaults.Problems;
using System.ComponentModel;
using AiWorkload.Catalog;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiWorkload.Orchestration.Api;

/// <summary>
/// POST /api/pipelines/{name}/runs: creates the run in the run store at once (the Idempotency-Key is its id), so the
/// answer is decided where single-flight is enforced. A pipeline that trains a model busy with another retraining is a
/// 409 pointing at that run, unless <c>?queue=true</c> asks to wait: the run is then queued and starts when it ends.
/// </summary>
internal static class StartRunEndpoint
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <param name="idempotencyKey">Bound for the OpenAPI document; the raw headers are read to refuse repeated keys.</param>
    public static async Task<IResult> HandleAsync(
        string name,
        [Description("true: when another run is retraining the model, queue this run to start after it instead of answering 409.")] bool? queue,
        [FromHeader(Name = IdempotencyHeader), Description("The run id (1-100 visible ASCII characters); a retry with the same key gets the same run.")] string? idempotencyKey, HttpRequest request, PipelineRegistry pipelines, IWorkloadCatalog catalog, RunCoordinator coordinator, IRunStore store, CancellationToken cancellationToken)
    {
        _ = idempotencyKey;
        var keys = request.Headers[IdempotencyHeader];
        if (keys.Count > 1 || (keys.Count == 1 && !string.IsNullOrEmpty(keys[0]) && RunRequestValidation.KeyError(keys[0]!) is not null))
        {
            return FieldProblem.Result(IdempotencyHeader, keys.Count > 1 ? $"Send one {IdempotencyHeader} header, not {keys.Count}." : RunRequestValidation.KeyError(keys[0]!)!);
        }

        if (pipelines.Find(name) is not { } definition)
        {
            return FieldProblem.Result("name", $"No pipeline is named '{Shorten(name)}'; GET /api/pipelines lists them.", StatusCodes.Status404NotFound, "No such pipeline.");
        }

        var (start, problem) = await StartRunBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = await RunRequestValidation.ValidateAsync(start, catalog, cancellationToken);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The request is not valid.");
        }

        var runId = keys.Count == 1 && !string.IsNullOrEmpty(keys[0]) ? keys[0]! : Guid.NewGuid().ToString("N");
        var decision = new StartDecision();
        await coordinator.ExecuteAsync($"http-start:{runId}", (work, token) => DecideAsync(definition, runId, start, queue == true, work, pipelines, decision, token), cancellationToken);
        if (decision.Existing is null && decision.ActiveRunId is null && decision.Created is null)
        {
            // The key's request committed before (a retry): answer with what it created.
            decision.Existing = await store.GetRunAsync(runId, cancellationToken);
        }

        if (decision.Created is { } created && ManualFlight.IsQueued(created))
        {
            await StartIfFreeAsync(created, coordinator, pipelines, cancellationToken);
        }

        return StartRunResults.From(decision, definition.Name, start?.ModelId);
    }

    private static async Task DecideAsync(PipelineDefinition definition, string runId, StartRunRequest? start, bool queue, RunWork work, PipelineRegistry pipelines, StartDecision decision, CancellationToken cancellationToken)
    {
        decision.Reset();
        if (await work.LoadRunAsync(runId, cancellationToken) is { } existing)
        {
            decision.Existing = existing;
            return;
        }

        var modelId = start?.ModelId;
        var flight = ManualFlight.Applies(definition, modelId);
        var active = flight ? await ManualFlight.ActiveAsync(modelId!, work, pipelines, runId, cancellationToken) : null;
        if (active is not null && !queue)
        {
            decision.ActiveRunId = active;
            return;
        }

        if (active is not null)
        {
            var queued = RunFactory.Create(definition, definition.Name, runId, ManualFlight.QueuedTrigger, modelId, start?.Parameters, work.Now);
            work.AddRun(queued);
            RunEngine.Created(queued, work);
            decision.Created = queued;
            decision.ActiveRunId = active;
            return;
        }

        decision.Created = RunFactory.Launch(work, definition, runId, ManualFlight.ManualTrigger, modelId, start?.Parameters, flight ? modelId : null);
    }

    /// <summary>
    /// The active run may have ended between the decision and the commit, when no queued run was there for its end to
    /// start; checking again after the commit closes that gap (the handler decides again either way).
    /// </summary>
    private static Task<CommitResult> StartIfFreeAsync(PipelineRun queued, RunCoordinator coordinator, PipelineRegistry pipelines, CancellationToken cancellationToken) =>
        coordinator.ExecuteAsync($"http-start-queued:{queued.RunId}", async (work, token) =>
        {
            if (await work.LoadRunAsync(queued.RunId, token) is { } run && ManualFlight.IsQueued(run) && await ManualFlight.MayStartAsync(run, work, pipelines, token))
            {
                work.Send(new Contracts.Commands.StartPipelineRun(run.RunId, run.Pipeline, ManualFlight.QueuedTrigger, work.Now, run.ModelId), $"{run.RunId}:dequeued:request", run.RunId);
            }
        }, cancellationToken);

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
