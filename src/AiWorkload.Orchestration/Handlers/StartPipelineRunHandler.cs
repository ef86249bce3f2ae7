using AiWorkload.Contracts.Commands;
using AiWorkload.Messaging;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;

namespace AiWorkload.Orchestration.Handlers;

/// <summary>
/// Starts a run: creates it (or finds the Pending run a trigger created) and executes as far as it goes without waiting.
/// An unknown pipeline gives a Failed run, visible at the Location the API returned, rather than a dead letter.
/// </summary>
internal sealed class StartPipelineRunHandler(RunCoordinator coordinator, RunEngine engine, PipelineRegistry pipelines) : IMessageHandler<StartPipelineRun>
{
    public async Task HandleAsync(StartPipelineRun message, IMessageContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.RunId) || message.RunId.Length > 100)
        {
            throw new PoisonMessageException($"RunId '{message.RunId}' must be 1-100 characters.");
        }

        await coordinator.ExecuteAsync($"start:{context.MessageId}", async (work, token) =>
        {
            var run = await work.LoadRunAsync(message.RunId, token);
            if (run is null)
            {
                run = RunFactory.Create(pipelines.Find(message.Pipeline), message.Pipeline, message.RunId, message.Trigger, message.ModelId, message.Parameters, work.Now);
                work.AddRun(run);
                RunEngine.Created(run, work);
            }

            await engine.StartAsync(run, work, token);
        }, cancellationToken);
    }
}
