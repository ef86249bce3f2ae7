namespace AiWorkload.Messaging.Processing;

/// <summary>What a processor does with a known message type it has no handler for.</summary>
public enum UnhandledMessageAction
{
    /// <summary>Drop it: a subscription without a narrowing rule receives every event type on its topic.</summary>
    Complete,

    /// <summary>Keep it for an operator: on a queue, a command without a handler is a deployment mistake.</summary>
    DeadLetter,
}
