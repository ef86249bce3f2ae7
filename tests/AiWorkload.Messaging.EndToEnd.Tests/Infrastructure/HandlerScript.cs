namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>What the test handlers do after recording a message; tests replace it to throw, settle, block or send.</summary>
public sealed class HandlerScript
{
    public Func<object, IMessageContext, CancellationToken, Task> OnMessage { get; set; } = (_, _, _) => Task.CompletedTask;
}
