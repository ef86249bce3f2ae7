using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Policies;

/// <summary>Decides from an event whether to start a pipeline, recording the decision either way in the same transaction.</summary>
internal interface IEventPolicy
{
    Task EvaluateAsync(RunEvent received, RunWork work, CancellationToken cancellationToken);
}
