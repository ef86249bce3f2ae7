namespace AiWorkload.Messaging.Transport;

/// <summary>
/// How a transport processor receives, resolved from <see cref="Processing.MessageProcessorOptions"/> and the topology.
/// The names are ServiceBusProcessorOptions' and ServiceBusSessionProcessorOptions' names.
/// </summary>
public sealed record TransportProcessorSettings(MessageSource Source)
{
    public int MaxConcurrentCalls { get; init; } = 1;

    public int PrefetchCount { get; init; }

    /// <summary>Zero turns automatic lock renewal off.</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; init; } = TimeSpan.FromMinutes(5);

    public bool RequiresSession { get; init; }

    /// <summary>Sessions processed at once; each session's messages are handled one at a time, in order.</summary>
    public int MaxConcurrentSessions { get; init; } = 8;

    /// <summary>How long a session with no new message is held before the slot moves on; null for the transport's default.</summary>
    public TimeSpan? SessionIdleTimeout { get; init; }
}
