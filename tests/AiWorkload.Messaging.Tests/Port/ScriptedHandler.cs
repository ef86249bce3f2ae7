namespace AiWorkload.Messaging.Tests.Port;

internal sealed class ScriptedHandler(Func<Order, IMessageContext, CancellationToken, Task> script) : IMessageHandler<Order>
{
    public List<Order> Received { get; } = [];

    public Task HandleAsync(Order message, IMessageContext context, CancellationToken cancellationToken)
    {
        Received.Add(message);
        return script(message, context, cancellationToken);
    }
}
