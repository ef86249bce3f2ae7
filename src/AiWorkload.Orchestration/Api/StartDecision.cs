using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Api;

/// <summary>What one attempt of a start request decided; the coordinator may recompute, so each attempt starts afresh.</summary>
internal sealed class StartDecision
{
    public PipelineRun? Existing { get; set; }

    public PipelineRun? Created { get; set; }

    /// <summary>The run retraining the model: why the request was refused, or what the queued run waits for.</summary>
    public string? ActiveRunId { get; set; }

    public void Reset()
    {
        Existing = null;
        Created = null;
        ActiveRunId = null;
    }
}
