using Microsoft.Extensions.DependencyInjection;

namespace AiWorkload.Messaging.Processing;

/// <summary>A handler registered for one message type on one processor; resolved per message from a fresh scope.</summary>
internal sealed record HandlerBinding(Type MessageType, Type HandlerType, Func<IServiceProvider, object, IMessageContext, CancellationToken, Task> InvokeAsync)
{
    public static HandlerBinding Create<TMessage, THandler>()
        where TMessage : class
        where THandler : class, IMessageHandler<TMessage> =>
        new(typeof(TMessage), typeof(THandler), (services, message, context, cancellationToken) =>
            services.GetRequiredService<THandler>().HandleAsync((TMessage)message, context, cancellationToken));
}
