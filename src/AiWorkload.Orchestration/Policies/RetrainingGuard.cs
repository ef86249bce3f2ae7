using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;

namespace AiWorkload.Orchestration.Policies;

/// <summary>
/// Single-flight for retraining: the active run (stored, or created earlier in this unit of work) of a pipeline that
/// trains the model, if any. The store's unique flight key backs this check up against races between policies.
/// </summary>
internal static class RetrainingGuard
{
    public static async Task<string?> ActiveRetrainingAsync(string modelId, RunWork work, PipelineRegistry pipelines, CancellationToken cancellationToken)
    {
        if (work.NewRuns.FirstOrDefault(r => r.ModelId == modelId && r.Definition?.Uses(ActivityTypes.Train) == true) is { } created)
        {
            return created.RunId;
        }

        var active = await work.Store.GetActiveRunsAsync(modelId, cancellationToken);
        // A run of a pipeline no longer loaded counts too: better one retraining too few than two at once.
        return active.FirstOrDefault(r => pipelines.Find(r.Pipeline)?.Uses(ActivityTypes.Train) != false)?.RunId;
    }
}
