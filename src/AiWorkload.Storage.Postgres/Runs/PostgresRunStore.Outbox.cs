using AiWorkload.Messaging;
using AiWorkload.Orchestration.Store;
using Dispatch = AiWorkload.Messaging.Outbox;
using Npgsql;
using static AiWorkload.Storage.Postgres.Runs.PostgresCommands;

namespace AiWorkload.Storage.Postgres.Runs;

/// <remarks>
/// Every replica's dispatcher reads the same pending entries, so two of them may send one entry before either marks it.
/// That relies on Service Bus duplicate detection dropping the second send by its deterministic MessageId (and on the
/// receivers' dedupe), exactly as a crash between send and mark already does. Ids come from an identity, so across
/// concurrent commits a lower id can become visible after a higher one; nothing here remembers a high-water mark, so such
/// an entry is simply picked up by the next read. Entries of one run, or one causing the other, are ordered by commit.
/// </remarks>
public sealed partial class PostgresRunStore
{
    private const string OutboxColumns =
        "id, kind, message_type, message_id, payload, run_id, correlation_id, enqueue_at, created_at, dispatched_at, sequence_number, destination, cancelled";

    public async Task<IReadOnlyList<OutboxEntry>> GetPendingOutboxAsync(int maxEntries, IReadOnlyCollection<long>? ids = null, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        if (ids is null)
        {
            return await Command(dataSource, $"SELECT {OutboxColumns} FROM aiworkload_orchestration.outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT @n",
                ("n", maxEntries)).ListAsync(ReadOutbox, cancellationToken);
        }

        var wanted = ids.Take(maxEntries).ToArray();
        return wanted.Length == 0 ? [] : await Command(dataSource,
            $"SELECT {OutboxColumns} FROM aiworkload_orchestration.outbox WHERE dispatched_at IS NULL AND id = ANY(@ids) ORDER BY id",
            ("ids", wanted)).ListAsync(ReadOutbox, cancellationToken);
    }

    public async Task<IReadOnlyList<Dispatch.OutboxEntry>> GetUnpublishedAsync(int maxEntries, CancellationToken cancellationToken = default) =>
        [.. (await GetPendingOutboxAsync(maxEntries, null, cancellationToken)).Select(e => e.ToDispatch())];

    public Task MarkPublishedAsync(Dispatch.OutboxEntry entry, DateTimeOffset publishedAt, ScheduledMessage? scheduled = null, CancellationToken cancellationToken = default) =>
        MarkDispatchedAsync(entry.StoreId(), publishedAt, scheduled?.SequenceNumber, scheduled?.Destination, cancellationToken: cancellationToken);

    public async Task<OutboxEntry?> GetScheduledEntryAsync(string messageId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return (await Command(dataSource,
            $"SELECT {OutboxColumns} FROM aiworkload_orchestration.outbox WHERE message_id = @m AND kind = 'Schedule' ORDER BY id DESC LIMIT 1",
            ("m", messageId)).ListAsync(ReadOutbox, cancellationToken)).FirstOrDefault();
    }

    public async Task MarkDispatchedAsync(long entryId, DateTimeOffset at, long? sequenceNumber = null, string? destination = null, bool cancelled = false, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        await Command(dataSource,
            "UPDATE aiworkload_orchestration.outbox SET dispatched_at = @at, sequence_number = @s, destination = @d, cancelled = @c WHERE id = @id",
            ("at", at), ("s", sequenceNumber), ("d", destination), ("c", cancelled), ("id", entryId)).ExecuteAsync(cancellationToken);
    }

    public async Task<OutboxBacklog> GetOutboxBacklogAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return (await Command(dataSource, "SELECT COUNT(*), MIN(created_at) FROM aiworkload_orchestration.outbox WHERE dispatched_at IS NULL")
            .ListAsync(r => new OutboxBacklog(r.GetInt64(0), NullableTime(r, 1)), cancellationToken)).Single();
    }

    /// <summary>A scheduled entry is kept until it is due, since cancelling its message needs the sequence number it holds.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await Command(dataSource, "DELETE FROM aiworkload_orchestration.processed WHERE processed_at < @t", ("t", before)).ExecuteAsync(cancellationToken)
            + await Command(dataSource,
                "DELETE FROM aiworkload_orchestration.outbox WHERE dispatched_at IS NOT NULL AND dispatched_at < @t AND (enqueue_at IS NULL OR enqueue_at < @t)",
                ("t", before)).ExecuteAsync(cancellationToken);
    }

    private static OutboxEntry ReadOutbox(NpgsqlDataReader r) =>
        new(Enum.Parse<OutboxKind>(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4))
        {
            Id = r.GetInt64(0),
            RunId = NullableString(r, 5),
            CorrelationId = NullableString(r, 6),
            EnqueueAt = NullableTime(r, 7),
            CreatedAt = Time(r, 8),
            DispatchedAt = NullableTime(r, 9),
            SequenceNumber = NullableInt64(r, 10),
            Destination = NullableString(r, 11),
            Cancelled = r.GetBoolean(12),
        };
}
