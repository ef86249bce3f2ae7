using AiWorkload.Messaging.Serialization;

namespace AiWorkload.Messaging.Processing;

/// <summary>What the builder extensions collected, read once when the host starts (like eShop's EventBusSubscriptionInfo).</summary>
internal sealed class MessagingRegistrations
{
    public List<MessageType> Types { get; } = [];

    public Dictionary<string, ProcessorRegistration> Processors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ProcessorRegistration GetOrAddProcessor(MessageSource source)
    {
        if (!Processors.TryGetValue(source.EntityPath, out var registration))
        {
            registration = new ProcessorRegistration(source);
            Processors.Add(source.EntityPath, registration);
        }

        return registration;
    }
}
