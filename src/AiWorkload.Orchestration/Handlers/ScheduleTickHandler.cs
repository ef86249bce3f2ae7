using AiWorkload.Messaging;
using AiWorkload.Orchestration.Messages;
using AiWorkload.Orchestration.Triggers;

namespace AiWorkload.Orchestration.Handlers;

internal sealed class ScheduleTickHandler(ScheduleService schedules) : IMessageHandler<ScheduleTick>
{
    public Task HandleAsync(ScheduleTick message, IMessageContext context, CancellationToken cancellationToken) =>
        schedules.OnTickAsync(message, context.MessageId, cancellationToken);
}
