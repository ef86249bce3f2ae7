using AiWorkload.Contracts.Commands;
using AiWorkload.Messaging;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Handlers;

/// <summary>
/// Starts a run: creates it (or finds the Pending run a trigger or the API created) and executes as far as it goes without
/// waiting. An unknown pipeline gives a Failed run, visible at the Location the API returned, rather than a dead letter.
/// A command for a model another run is retraining is held to single-flight here as well as at the API, since commands
/// come from other senders and delivery is at least once: it becomes a queued run when it asked to wait, else a run
/// cancelled with the reason. A queued run starts when it is first in line and its model is free.
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
            var run = await work.LoadRunAsync(message.RunId, token) ?? await CreateAsync(message, work, token);
            if (ManualFlight.IsQueued(run))
            {
                if (!await ManualFlight.MayStartAsync(run, work, pipelines, token))
                {
                    return;
                }

                // Holding the key from now on, a queued run that two handlers both saw as free starts once: the store
                // refuses the second commit, which then re-reads and waits again.
                run.FlightKey = run.ModelId;
            }

            await engine.StartAsync(run, work, token);
        }, cancellationToken);
    }

    private async Task<PipelineRun> CreateAsync(StartPipelineRun message, RunWork work, CancellationToken cancellationToken)
    {
        var definition = pipelines.Find(message.Pipeline);
        var flight = ManualFlight.Applies(definition, message.ModelId);
        var active = flight ? await ManualFlight.ActiveAsync(message.ModelId!, work, pipelines, message.RunId, cancellationToken) : null;
        var queued = active is not null && message.Trigger == ManualFlight.QueuedTrigger;
        // Only a run that may start at once holds the flight key; the store then refuses a second holder outright.
        var run = RunFactory.Create(definition, message.Pipeline, message.RunId, message.Trigger, message.ModelId, message.Parameters, work.Now,
            flight && active is null ? message.ModelId : null);
        work.AddRun(run);
        RunEngine.Created(run, work);
        if (active is not null && !queued)
        {
            run.Error = ManualFlight.BusyReason(message.ModelId!, active);
            RunEngine.Cancel(run, run.Error, work);
        }

        return run;
    }
}
