using AiWorkload.Messaging;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Triggers;

namespace AiWorkload.Orchestration.Handlers;

/// <summary>
/// Every workload event on the orchestrator subscription: one transaction routes it to its run, to runs waiting for it,
/// to event triggers and to the policies, and records its MessageId so a redelivery changes nothing.
/// </summary>
internal sealed class WorkloadEventHandler<T>(RunCoordinator coordinator, EventRouter router, EventJson<T> json, TimeProvider time) : IMessageHandler<T>
    where T : class
{
    public Task HandleAsync(T message, IMessageContext context, CancellationToken cancellationToken)
    {
        var received = RunEvents.From(message, json.TypeInfo, context, time.GetUtcNow());
        return coordinator.ExecuteAsync($"event:{context.MessageId}", (work, token) => router.RouteAsync(received, work, token), cancellationToken);
    }
}
