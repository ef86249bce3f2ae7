using AiWorkload.Contracts.Commands;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Engine;

/// <summary>Creates Pending runs, and launches them: the run and the StartPipelineRun that starts it commit together.</summary>
internal static class RunFactory
{
    public static PipelineRun Create(
        PipelineDefinition? definition,
        string pipeline,
        string runId,
        string trigger,
        string? modelId,
        IReadOnlyDictionary<string, string>? parameters,
        DateTimeOffset now,
        string? flightKey = null)
    {
        var merged = new Dictionary<string, string>(definition?.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>())
        {
            merged[name] = value;
        }

        return new PipelineRun
        {
            RunId = runId,
            Pipeline = pipeline,
            ModelId = modelId,
            Trigger = trigger,
            State = RunState.Pending,
            Parameters = merged,
            CreatedAt = now,
            FlightKey = flightKey,
            Definition = definition,
            Error = definition is null ? $"pipeline '{pipeline}' does not exist" : null,
            Activities = definition is null ? [] : [.. definition.Activities.Select(a => new ActivityRun { Name = a.Name, Type = a.Type })],
        };
    }

    /// <summary>
    /// Adds a Pending run to the unit of work and sends the StartPipelineRun that will start it. Creating the run here
    /// (rather than when the command arrives) is what lets the store enforce single-flight in the deciding transaction.
    /// </summary>
    public static PipelineRun Launch(
        RunWork work,
        PipelineDefinition definition,
        string runId,
        string trigger,
        string? modelId,
        IReadOnlyDictionary<string, string>? parameters,
        string? flightKey = null)
    {
        var run = Create(definition, definition.Name, runId, trigger, modelId, parameters, work.Now, flightKey);
        work.AddRun(run);
        RunEngine.Created(run, work);
        work.Send(new StartPipelineRun(runId, definition.Name, trigger, work.Now, modelId, parameters), runId, runId);
        return run;
    }
}
