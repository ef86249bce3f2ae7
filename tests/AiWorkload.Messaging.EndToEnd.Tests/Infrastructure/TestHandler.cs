namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

internal sealed class TestHandler<TMessage>(Recorder recorder, HandlerScript script) : IMessageHandler<TMessage>
    where TMessage : class
{
    public Task HandleAsync(TMessage message, IMessageContext context, CancellationToken cancellationToken)
    {
        recorder.Record(message, context);
        return script.OnMessage(message, context, cancellationToken);
    }
}
