using AiWorkload.Messaging.Topology;
using AiWorkload.Messaging.Transport;

namespace AiWorkload.Messaging.Processing;

/// <summary>Turns processor options plus the topology into the settings a transport needs, rejecting combinations that cannot work.</summary>
internal static class ProcessorSettingsResolver
{
    public static TransportProcessorSettings Resolve(MessageSource source, MessageProcessorOptions options, TopologyModel topology)
    {
        var entity = Find(source, topology);
        var requiresSession = options.RequiresSession ?? entity?.RequiresSession ?? false;
        Check(options.MaxConcurrentCalls >= 1, source, "MaxConcurrentCalls must be at least 1");
        Check(options.PrefetchCount >= 0, source, "PrefetchCount cannot be negative");
        Check(options.MaxConcurrentSessions >= 1, source, "MaxConcurrentSessions must be at least 1");
        Check(options.MaxAutoLockRenewalDuration >= TimeSpan.Zero, source, "MaxAutoLockRenewalDuration cannot be negative");
        Check(options.Retry.MaxAttempts >= 1, source, "Retry.MaxAttempts must be at least 1");
        if (options.Retry.Strategy == RetryStrategy.ScheduleRedelivery)
        {
            Check(source.IsQueue, source, "ScheduleRedelivery needs a queue: a copy sent to the topic would reach every subscription; use Abandon");
            Check(!requiresSession, source, "ScheduleRedelivery would move a session's message behind its successors; use Abandon");
        }

        return new TransportProcessorSettings(source)
        {
            MaxConcurrentCalls = options.MaxConcurrentCalls,
            PrefetchCount = options.PrefetchCount,
            MaxAutoLockRenewalDuration = options.MaxAutoLockRenewalDuration,
            RequiresSession = requiresSession,
            MaxConcurrentSessions = options.MaxConcurrentSessions,
            SessionIdleTimeout = options.SessionIdleTimeout,
        };
    }

    private static IMessageEntityDefinition? Find(MessageSource source, TopologyModel topology)
    {
        if (source.IsQueue)
        {
            return topology.Queues.FirstOrDefault(q => string.Equals(q.Name, source.DestinationName, StringComparison.OrdinalIgnoreCase));
        }

        return topology.Topics
            .Where(t => string.Equals(t.Name, source.DestinationName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(t => t.Subscriptions)
            .FirstOrDefault(s => string.Equals(s.Name, source.SubscriptionName, StringComparison.OrdinalIgnoreCase));
    }

    private static void Check(bool condition, MessageSource source, string reason)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Processor for {source}: {reason}.");
        }
    }
}
