namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>One handler invocation, recorded as it started.</summary>
public sealed record HandledMessage(object Message, IMessageContext Context, DateTimeOffset StartedAt)
{
    public T As<T>() => (T)Message;
}
