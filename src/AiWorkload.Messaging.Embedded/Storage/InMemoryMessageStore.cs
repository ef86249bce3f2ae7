namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>For fast tests: nothing is written, every transaction "commits" at once.</summary>
internal sealed class InMemoryMessageStore : IMessageStore
{
    public PersistedState Load() => PersistedState.Empty;

    public void Submit(StoreTransaction transaction) => transaction.MarkCommitted();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
