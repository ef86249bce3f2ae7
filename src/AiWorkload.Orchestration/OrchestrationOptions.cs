using AiWorkload.Orchestration.Pipelines;

namespace AiWorkload.Orchestration;

/// <summary>How AddOrchestration runs. The configuration section <c>Orchestration</c> sets the simple values.</summary>
public sealed class OrchestrationOptions
{
    /// <summary>Where <c>orchestration.db</c> lives; defaults to the service's data directory (<c>AiWorkload:DataDirectory</c>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Ship retrain-on-drift and retrain-on-new-data; a pipeline of the same name from code or configuration replaces them.</summary>
    public bool IncludeDefaultPipelines { get; set; } = true;

    /// <summary>Pipelines declared in C#; configuration and the pipelines file replace one of the same name.</summary>
    public IList<PipelineDefinition> Pipelines { get; } = [];

    /// <summary>A JSON or YAML pipelines file (<c>Orchestration:PipelinesFile</c>), relative to the content root.</summary>
    public string? PipelinesFile { get; set; }

    /// <summary>How often committed-but-unsent outbox messages are sent again; they are sent at once after each commit anyway.</summary>
    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long processed-message keys are kept for deduplication, and sent outbox entries for inspection.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Messages each orchestration processor (pipeline-runs, pipeline-timers, the orchestrator subscription) handles at
    /// once; two that touch the same run are serialised by the store's optimistic concurrency.
    /// </summary>
    public int MaxConcurrentCalls { get; set; } = 4;
}
