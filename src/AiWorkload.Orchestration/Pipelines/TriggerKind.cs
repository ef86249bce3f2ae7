namespace AiWorkload.Orchestration.Pipelines;

public enum TriggerKind
{
    /// <summary>Started by a StartPipelineRun command (the API). Every pipeline can be started manually; declaring it documents intent.</summary>
    Manual,

    /// <summary>A workload event on the orchestrator subscription that passes the trigger's SQL or correlation filter.</summary>
    Event,

    /// <summary>A cron expression or a fixed interval, fired by durable scheduled messages.</summary>
    Schedule,

    /// <summary>Started by the drift policy when a model's reported metrics show decay.</summary>
    Drift,

    /// <summary>Started by the new-data policy once enough rows arrived since the model's last training.</summary>
    NewData,
}
