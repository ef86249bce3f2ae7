using AiWorkload.Catalog.Sqlite;
using AiWorkload.Testing;
using AiWorkload.Testing.Outbox;

namespace AiWorkload.Catalog.Tests.Outbox;

/// <summary>The outbox dispatcher over the catalog's outbox on SQLite.</summary>
public sealed class SqliteCatalogOutboxDispatcherTests : OutboxDispatcherContract<IWorkloadCatalog>, IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private SqliteWorkloadCatalog? _catalog;

    protected override Task<IWorkloadCatalog> CreateStoreAsync()
    {
        _catalog = new SqliteWorkloadCatalog(_directory.Path);
        return Task.FromResult<IWorkloadCatalog>(_catalog);
    }

    public void Dispose()
    {
        _catalog?.Dispose();
        _directory.Dispose();
    }

    protected override Task DisposeStoreAsync() => Task.CompletedTask;

    protected override Task CommitAsync(params string[] messageIds) => CatalogOutboxCommits.CommitAsync(Store, Now, messageIds);
}
