using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>The product topology plus queues with the settings individual tests need.</summary>
internal static class TestTopology
{
    public const string Work = "work";

    /// <summary>MaxDeliveryCount 3: the broker's backstop comes quickly.</summary>
    public const string Fragile = "fragile";

    /// <summary>The shortest lock Service Bus allows, so a handler can outlive it.</summary>
    public const string ShortLock = "short-lock";

    public static TopologyModel Model { get; } = WorkloadTopology.Model
        .With(new QueueDefinition(Work))
        .With(new QueueDefinition(Fragile) { MaxDeliveryCount = 3 })
        .With(new QueueDefinition(ShortLock) { LockDuration = TimeSpan.FromSeconds(5) });
}
