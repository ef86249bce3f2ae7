using Npgsql;

namespace AiWorkload.Orchestration.Tests.Store;

/// <summary>
/// An exclusive lock on one of the run store's tables, held by a transaction of its own: writers queue behind it, so
/// commits from several store instances are all inside the database when it is released, and race for real.
/// </summary>
internal sealed class TableLock : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private TableLock(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _dataSource = dataSource;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<TableLock> TakeAsync(NpgsqlDataSource dataSource, string table)
    {
        var connection = await dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        // EXCLUSIVE blocks INSERT, UPDATE and DELETE but not SELECT.
        await using var command = new NpgsqlCommand($"LOCK TABLE aiworkload_orchestration.{table} IN EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new TableLock(dataSource, connection, transaction);
    }

    /// <summary>Releases the lock once <paramref name="waiters"/> sessions wait for it (10 s at most).</summary>
    public async Task ReleaseWhenWaitedOnAsync(int waiters)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        // A connection of its own: pg_stat_activity is a snapshot for the rest of a transaction once read inside one.
        await using var command = _dataSource.CreateCommand(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        while ((long)(await command.ExecuteScalarAsync())! < waiters)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{waiters} writers never queued behind the lock");
            await Task.Delay(5);
        }

        await _transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
