using AiWorkload.Messaging;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Messages;

namespace AiWorkload.Orchestration.Handlers;

/// <summary>An activity timeout or retry backoff came due.</summary>
internal sealed class RunTimerHandler(RunCoordinator coordinator, RunEngine engine) : IMessageHandler<RunTimer>
{
    public Task HandleAsync(RunTimer message, IMessageContext context, CancellationToken cancellationToken) =>
        coordinator.ExecuteAsync($"timer:{context.MessageId}", async (work, token) =>
        {
            if (await work.LoadRunAsync(message.RunId, token) is { } run)
            {
                await engine.OnTimerAsync(run, message, work, token);
            }
        }, cancellationToken);
}
