using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;

namespace AiWorkload.Training.Tests.Retraining.Infrastructure;

internal sealed class RecordingHandler<TEvent>(EventRecorder recorder) : IMessageHandler<TEvent>
    where TEvent : class, IWorkloadEvent
{
    public Task HandleAsync(TEvent message, IMessageContext context, CancellationToken cancellationToken)
    {
        recorder.Record(message);
        return Task.CompletedTask;
    }
}
