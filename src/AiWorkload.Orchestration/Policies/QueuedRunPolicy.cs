using System.Text.Json;
using AiWorkload.Contracts;
using AiWorkload.Contracts.Commands;
using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Policies;

/// <summary>
/// When a run of a model ends, starts the model's oldest queued manual run, if nothing else retrains the model: the
/// StartPipelineRun it sends is the same command a client's request would have sent, so its handler decides again.
/// </summary>
internal sealed class QueuedRunPolicy(PipelineRegistry pipelines) : IEventPolicy
{
    public async Task EvaluateAsync(RunEvent received, RunWork work, CancellationToken cancellationToken)
    {
        if (received.Type != nameof(PipelineRunChanged))
        {
            return;
        }

        var changed = received.Body.Deserialize(WorkloadJsonContext.Default.PipelineRunChanged);
        if (changed?.ModelId is not { } modelId || !Enum.TryParse<RunState>(changed.State, out var state) || !state.IsTerminal())
        {
            return;
        }

        if (await ManualFlight.NextQueuedAsync(modelId, work, cancellationToken) is not { } next
            || await ManualFlight.ActiveAsync(modelId, work, pipelines, next.RunId, cancellationToken) is not null)
        {
            return;
        }

        var messageId = $"{next.RunId}:dequeued:{changed.RunId}";
        work.Send(new StartPipelineRun(next.RunId, next.Pipeline, ManualFlight.QueuedTrigger, work.Now, modelId), messageId, next.RunId);
    }
}
