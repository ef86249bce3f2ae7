using AiWorkload.Orchestration.Store;
using AiWorkload.Storage.Postgres.Runs;
using AiWorkload.Testing;
using AiWorkload.Testing.Outbox;
using Npgsql;

namespace AiWorkload.Orchestration.Tests.Outbox;

/// <summary>The outbox dispatcher over the run store's outbox on PostgreSQL, a database of its own per test.</summary>
public sealed class PostgresRunStoreOutboxDispatcherTests : OutboxDispatcherContract<IRunStore>
{
    private PostgresDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IRunStore> CreateStoreAsync()
    {
        _database = await PostgresServer.CreateDatabaseAsync();
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        return new PostgresRunStore(_dataSource);
    }

    protected override async Task DisposeStoreAsync()
    {
        // Connections go back before the database is dropped.
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override Task CommitAsync(params string[] messageIds) => RunStoreOutboxCommits.CommitAsync(Store, Now, messageIds);
}
