using System.Collections.Concurrent;
using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using Microsoft.Data.Sqlite;

namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>
/// SQLite in WAL mode with group commit: a single writer thread takes every transaction queued so far and commits
/// them together, so concurrent senders share one fsync and nobody is acknowledged before their data is on disk.
/// </summary>
internal sealed class SqliteMessageStore : IMessageStore
{
    private const int MaxTransactionsPerCommit = 2048;

    private readonly SqliteConnection _connection;
    private readonly FileStream _directoryLock;
    private readonly BlockingCollection<StoreTransaction> _queue = new(new ConcurrentQueue<StoreTransaction>());
    private readonly Thread _writer;
    private readonly StoreCommands _commands;
    private Exception? _failure;

    public SqliteMessageStore(string dataDirectory, EngineDurability durability)
    {
        Directory.CreateDirectory(dataDirectory);
        _directoryLock = AcquireDirectoryLock(dataDirectory);
        try
        {
            var path = Path.Combine(dataDirectory, "servicebus.db");
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            _connection.Open();
            var synchronous = durability == EngineDurability.Full ? "FULL" : "NORMAL";
            Execute($"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;");
            Execute(StoreSchema.Create);
            _commands = new StoreCommands(_connection);
        }
        catch
        {
            _connection?.Dispose();
            _directoryLock.Dispose();
            throw;
        }

        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "embedded-servicebus-writer" };
        _writer.Start();
    }

    public PersistedState Load() => StoreLoader.Load(_connection);

    public void Submit(StoreTransaction transaction)
    {
        if (_failure is { } failure)
        {
            transaction.MarkFailed(StorageFailed(failure));
            return;
        }

        if (transaction.IsEmpty)
        {
            transaction.MarkCommitted();
            return;
        }

        try
        {
            _queue.Add(transaction);
        }
        catch (InvalidOperationException)
        {
            transaction.MarkFailed(new MessagingException(MessagingErrorReason.EngineClosed, null, "The embedded Service Bus is shutting down."));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        await Task.Run(() => _writer.Join());
        _commands.Dispose();
        await _connection.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await _directoryLock.DisposeAsync();
        _queue.Dispose();
    }

    private void WriteLoop()
    {
        var batch = new List<StoreTransaction>(64);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxTransactionsPerCommit && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            if (_failure is not null)
            {
                batch.ForEach(t => t.MarkFailed(StorageFailed(_failure)));
                continue;
            }

            try
            {
                using var transaction = _connection.BeginTransaction();
                _commands.Bind(transaction);
                var sequences = new Dictionary<long, long>();
                foreach (var operation in batch.SelectMany(t => t.Operations))
                {
                    if (operation is SaveSequence save)
                    {
                        sequences[save.EntityId] = save.Next; // only the last value of a batch matters
                    }
                    else
                    {
                        _commands.Apply(operation);
                    }
                }

                foreach (var (entityId, next) in sequences)
                {
                    _commands.Apply(new SaveSequence(entityId, next));
                }

                transaction.Commit();
                batch.ForEach(t => t.MarkCommitted());
            }
            catch (Exception error) when (error is SqliteException or IOException or InvalidOperationException)
            {
                // Memory and disk may now disagree; refuse further work rather than acknowledge what was not written.
                _failure = error;
                batch.ForEach(t => t.MarkFailed(StorageFailed(error)));
            }
        }
    }

    private static MessagingException StorageFailed(Exception error) =>
        new(MessagingErrorReason.EngineClosed, null, $"The embedded Service Bus could not write to its data directory and stopped accepting work: {error.Message}", error);

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static FileStream AcquireDirectoryLock(string dataDirectory)
    {
        var lockPath = Path.Combine(dataDirectory, "servicebus.lock");
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException error)
        {
            throw new MessagingException(
                MessagingErrorReason.InvalidOperation,
                null,
                $"The data directory '{dataDirectory}' is in use by another embedded Service Bus; two engines on one directory would corrupt each other's view.",
                error);
        }
    }
}
