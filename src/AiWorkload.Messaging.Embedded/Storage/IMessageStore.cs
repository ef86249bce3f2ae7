namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>Where the engine's state survives a restart.</summary>
internal interface IMessageStore : IAsyncDisposable
{
    PersistedState Load();

    /// <summary>Called under the engine lock, which fixes the order of transactions.</summary>
    void Submit(StoreTransaction transaction);
}
