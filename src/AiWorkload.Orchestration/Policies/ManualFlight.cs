using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Policies;

/// <summary>
/// Single-flight for runs a client asked for. A manual run of a pipeline that trains a model holds the model's flight key
/// like a policy's run; a request that finds the model busy is refused, or waits as a queued run: Pending, trigger
/// <see cref="QueuedTrigger"/>, no flight key (the store's unique key would refuse a second holder) until it starts.
/// </summary>
internal static class ManualFlight
{
    public const string ManualTrigger = "manual";

    /// <summary>A manual run that asked to wait behind the active one; it keeps this trigger after it starts.</summary>
    public const string QueuedTrigger = "manual-queued";

    public static bool Applies(PipelineDefinition? definition, string? modelId) =>
        modelId is not null && definition?.Uses(ActivityTypes.Train) == true;

    public static bool IsQueued(RunSummary run) => run.State == RunState.Pending && run.Trigger == QueuedTrigger;

    public static bool IsQueued(PipelineRun run) => run.State == RunState.Pending && run.Trigger == QueuedTrigger;

    /// <summary>The run retraining the model now (queued runs do not count), other than <paramref name="except"/>.</summary>
    public static async Task<string?> ActiveAsync(string modelId, RunWork work, PipelineRegistry pipelines, string? except, CancellationToken cancellationToken)
    {
        if (work.NewRuns.FirstOrDefault(r => r.RunId != except && r.ModelId == modelId && !IsQueued(r) && r.Definition?.Uses(ActivityTypes.Train) == true) is { } created)
        {
            return created.RunId;
        }

        var active = await work.Store.GetActiveRunsAsync(modelId, cancellationToken);
        // A run of a pipeline no longer loaded counts too, as in RetrainingGuard.
        return active.FirstOrDefault(r => r.RunId != except && !IsQueued(r) && pipelines.Find(r.Pipeline)?.Uses(ActivityTypes.Train) != false)?.RunId;
    }

    /// <summary>The oldest queued run of the model: queued runs start one at a time, first come first served.</summary>
    public static async Task<RunSummary?> NextQueuedAsync(string modelId, RunWork work, CancellationToken cancellationToken) =>
        (await work.Store.GetActiveRunsAsync(modelId, cancellationToken)).Where(IsQueued).OrderBy(r => r.CreatedAt).ThenBy(r => r.RunId, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Whether the queued run may start now: nothing else retrains its model and no older queued run waits.</summary>
    public static async Task<bool> MayStartAsync(PipelineRun queued, RunWork work, PipelineRegistry pipelines, CancellationToken cancellationToken)
    {
        if (queued.ModelId is not { } modelId || await ActiveAsync(modelId, work, pipelines, queued.RunId, cancellationToken) is not null)
        {
            return queued.ModelId is null;
        }

        var next = await NextQueuedAsync(modelId, work, cancellationToken);
        return next is null || next.RunId == queued.RunId;
    }

    public static string BusyReason(string modelId, string activeRunId) =>
        $"model '{modelId}' is already being retrained by run {activeRunId}; at most one retraining per model runs at a time (ask with ?queue=true to run after it)";
}
