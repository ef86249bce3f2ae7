namespace AiWorkload.Messaging.Processing;

/// <summary>
/// How one queue or subscription is processed. Named options: the name is the source's entity path. The receive settings
/// mirror ServiceBusProcessorOptions and ServiceBusSessionProcessorOptions.
/// </summary>
public sealed class MessageProcessorOptions
{
    public int MaxConcurrentCalls { get; set; } = 1;

    /// <summary>Messages fetched ahead of the handlers; their locks run while they wait, so keep it small for slow handlers.</summary>
    public int PrefetchCount { get; set; }

    /// <summary>Locks are renewed while a handler runs, up to this long (training can take minutes). Zero turns renewal off.</summary>
    public TimeSpan MaxAutoLockRenewalDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Null takes the entity's RequiresSession from the topology.</summary>
    public bool? RequiresSession { get; set; }

    public int MaxConcurrentSessions { get; set; } = 8;

    /// <summary>How long an idle session is held before its slot moves to another; null for the adapter's default.</summary>
    public TimeSpan? SessionIdleTimeout { get; set; }

    public RetryPolicy Retry { get; set; } = new();

    /// <summary>Failures to dead-letter at once instead of retrying.</summary>
    public Func<Exception, bool> IsPermanentFailure { get; set; } = FailureClassification.IsPermanent;

    /// <summary>Null: complete on subscriptions, dead-letter on queues.</summary>
    public UnhandledMessageAction? WhenNoHandler { get; set; }
}
