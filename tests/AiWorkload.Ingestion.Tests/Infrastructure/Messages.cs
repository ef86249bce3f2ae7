using System.Text.Json;
using AiWorkload.Contracts;
using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Ingestion.Tests.Infrastructure;

internal static class Messages
{
    public static T Body<T>(this ReceivedMessage message)
        where T : class =>
        (T)JsonSerializer.Deserialize(message.Body.Span, typeof(T), WorkloadJsonContext.Default)!;
}
