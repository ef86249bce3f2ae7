using AiWorkload.Contracts.Events;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Serialization;

namespace AiWorkload.Contracts;

/// <summary>The conventions every workload event shares, so each registration states only what differs.</summary>
internal static class EventConventions
{
    /// <summary>The event's own id is its MessageId, so a re-published event is dropped by duplicate detection.</summary>
    public static MessageConventions<T> Event<T>(this MessageConventions<T> conventions)
        where T : class, IWorkloadEvent =>
        conventions.IdentifiedBy(e => e.EventId);

    public static MessageConventions<T> About<T>(this MessageConventions<T> conventions, Func<T, string?> modelId)
        where T : class =>
        conventions.WithProperty(MessageProperties.ModelId, modelId);

    public static MessageConventions<T> Triggers<T>(this MessageConventions<T> conventions, string trigger)
        where T : class =>
        conventions.WithProperty(MessageProperties.Trigger, _ => trigger);
}
