using System.Text.Json;

namespace AiWorkload.Messaging.Processing;

/// <summary>
/// Which handler failures retrying cannot fix. Everything else is treated as transient and retried with backoff up to the
/// policy's limit, so an unknown failure still ends in the dead-letter queue, never in a retry loop.
/// </summary>
public static class FailureClassification
{
    public static bool IsPermanent(Exception exception) => exception switch
    {
        PoisonMessageException or JsonException or FormatException or InvalidCastException or ArgumentException
            or NotSupportedException or NotImplementedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsPermanent),
        _ => false,
    };
}
