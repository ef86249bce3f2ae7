using AiWorkload.Orchestration.Store;
using AiWorkload.Testing;
using AiWorkload.Testing.Outbox;

namespace AiWorkload.Orchestration.Tests.Outbox;

/// <summary>The outbox dispatcher over the run store's outbox on SQLite.</summary>
public sealed class SqliteRunStoreOutboxDispatcherTests : OutboxDispatcherContract<IRunStore>, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private SqliteRunStore? _store;

    protected override Task<IRunStore> CreateStoreAsync()
    {
        _store = new SqliteRunStore(_directory.Path);
        return Task.FromResult<IRunStore>(_store);
    }

    public void Dispose()
    {
        _store?.Dispose();
        _directory.Dispose();
    }

    protected override Task DisposeStoreAsync() => Task.CompletedTask;

    protected override Task CommitAsync(params string[] messageIds) => RunStoreOutboxCommits.CommitAsync(Store, Now, messageIds);
}
