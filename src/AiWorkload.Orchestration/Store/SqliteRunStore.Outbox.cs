using AiWorkload.Messaging;
using Microsoft.Data.Sqlite;
using Dispatch = AiWorkload.Messaging.Outbox;
using static AiWorkload.Orchestration.Store.SqliteCommands;

namespace AiWorkload.Orchestration.Store;

public sealed partial class SqliteRunStore
{
    private const string OutboxColumns =
        "id, kind, message_type, message_id, payload, run_id, correlation_id, enqueue_at, created_at, dispatched_at, sequence_number, destination, cancelled";

    public Task<IReadOnlyList<OutboxEntry>> GetPendingOutboxAsync(int maxEntries, IReadOnlyCollection<long>? ids = null, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<OutboxEntry>>(connection =>
        {
            if (ids is null)
            {
                return Query(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $n", [("$n", maxEntries)], ReadOutbox);
            }

            // Ids are store-assigned integers, never user input, so inlining them is safe and keeps one round trip.
            var list = string.Join(',', ids.Take(maxEntries));
            return list.Length == 0 ? [] : Query(connection, null, $"SELECT {OutboxColumns} FROM outbox WHERE dispatched_at IS NULL AND id IN ({list}) ORDER BY id", [], ReadOutbox);
        });

    public Task<IReadOnlyList<Dispatch.OutboxEntry>> GetUnpublishedAsync(int maxEntries, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<Dispatch.OutboxEntry>>(connection => Query(connection, null,
            $"SELECT {OutboxColumns} FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $n", [("$n", maxEntries)], r => ReadOutbox(r).ToDispatch()));

    public Task MarkPublishedAsync(Dispatch.OutboxEntry entry, DateTimeOffset publishedAt, ScheduledMessage? scheduled = null, CancellationToken cancellationToken = default) =>
        MarkDispatchedAsync(entry.StoreId(), publishedAt, scheduled?.SequenceNumber, scheduled?.Destination, cancellationToken: cancellationToken);

    public Task<OutboxEntry?> GetScheduledEntryAsync(string messageId, CancellationToken cancellationToken = default) =>
        Read(connection => Query(connection, null,
            $"SELECT {OutboxColumns} FROM outbox WHERE message_id = $m AND kind = 'Schedule' ORDER BY id DESC LIMIT 1", [("$m", messageId)], ReadOutbox).FirstOrDefault());

    public async Task MarkDispatchedAsync(long entryId, DateTimeOffset at, long? sequenceNumber = null, string? destination = null, bool cancelled = false, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            Execute(connection, null, "UPDATE outbox SET dispatched_at = $at, sequence_number = $s, destination = $d, cancelled = $c WHERE id = $id",
                ("$at", at.UtcTicks), ("$s", sequenceNumber), ("$d", destination), ("$c", cancelled ? 1 : 0), ("$id", entryId));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<OutboxBacklog> GetOutboxBacklogAsync(CancellationToken cancellationToken = default) =>
        Read(connection => Query(connection, null, "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE dispatched_at IS NULL", [],
            r => new OutboxBacklog(r.GetInt64(0), Time(NullableInt64(r, 1)))).Single());

    /// <summary>A scheduled entry is kept until it is due, since cancelling its message needs the sequence number it holds.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            return Execute(connection, null, "DELETE FROM processed WHERE processed_at < $t", ("$t", before.UtcTicks))
                + Execute(connection, null, "DELETE FROM outbox WHERE dispatched_at IS NOT NULL AND dispatched_at < $t AND (enqueue_at IS NULL OR enqueue_at < $t)", ("$t", before.UtcTicks));
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static OutboxEntry ReadOutbox(SqliteDataReader r) =>
        new(Enum.Parse<OutboxKind>(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4))
        {
            Id = r.GetInt64(0),
            RunId = NullableString(r, 5),
            CorrelationId = NullableString(r, 6),
            EnqueueAt = Time(NullableInt64(r, 7)),
            CreatedAt = Time(r.GetInt64(8)),
            DispatchedAt = Time(NullableInt64(r, 9)),
            SequenceNumber = NullableInt64(r, 10),
            Destination = NullableString(r, 11),
            Cancelled = r.GetInt64(12) == 1,
        };
}
