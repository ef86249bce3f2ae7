namespace AiWorkload.Messaging.Processing;

/// <summary>A processor declared with AddProcessor and the handlers added to it.</summary>
internal sealed class ProcessorRegistration(MessageSource source)
{
    public MessageSource Source { get; } = source;

    public Dictionary<Type, HandlerBinding> Handlers { get; } = [];

    public void Add(HandlerBinding binding)
    {
        if (!Handlers.TryAdd(binding.MessageType, binding))
        {
            throw new InvalidOperationException(
                $"{Source} already has a handler for {binding.MessageType.Name} ({Handlers[binding.MessageType].HandlerType.Name}); one handler per message type settles each message once.");
        }
    }
}
