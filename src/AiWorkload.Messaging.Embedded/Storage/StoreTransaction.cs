namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>
/// The durable changes of one engine operation. It is submitted under the engine lock, so the store sees operations in
/// the order memory changed; the caller awaits <see cref="Committed"/> outside the lock before it acknowledges anything.
/// </summary>
internal sealed class StoreTransaction
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public List<StoreOperation> Operations { get; } = [];

    public Task Committed => _committed.Task;

    public bool IsEmpty => Operations.Count == 0;

    public void Add(StoreOperation operation) => Operations.Add(operation);

    public void MarkCommitted() => _committed.TrySetResult();

    public void MarkFailed(Exception error) => _committed.TrySetException(error);
}
