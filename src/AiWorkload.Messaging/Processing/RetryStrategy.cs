namespace AiWorkload.Messaging.Processing;

public enum RetryStrategy
{
    /// <summary>
    /// Wait out the backoff while holding the lock (renewed), then abandon: the broker redelivers the same message, order and
    /// session are kept, DeliveryCount counts attempts, and MaxDeliveryCount stays the backstop. Holds a processing slot meanwhile.
    /// </summary>
    Abandon,

    /// <summary>
    /// Schedule a copy for now + backoff and complete the original: frees the slot at once, for long backoffs. Queues without
    /// sessions only, since a copy sent to a topic would reach every subscription and a copy in a session would lose its place.
    /// </summary>
    ScheduleRedelivery,
}
