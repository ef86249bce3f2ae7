using System.Data;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;
using AiWorkload.Catalog.Sqlite;
using Npgsql;
using static AiWorkload.Storage.Postgres.Catalog.PostgresCatalogQueries;

namespace AiWorkload.Storage.Postgres.Catalog;

/// <summary>
/// The catalog in a PostgreSQL database shared by every service process, in the schema <c>aiworkload_catalog</c>.
/// <para>
/// Concurrency: each unit of work is one READ COMMITTED transaction in which every read-then-write takes an explicit row
/// lock first (SELECT ... FOR UPDATE on the dataset row for appends, on the model row for version numbering and
/// promotion), and every create-if-absent is INSERT ... ON CONFLICT DO NOTHING. Writers in different processes therefore
/// queue on the row they contend for instead of failing, and the work delegate normally runs exactly once. Only a
/// deadlock (40P01, possible when one unit locks several datasets or models in another order than a concurrent one)
/// or a serialization failure (40001) rolls the unit back and runs it again, a bounded number of times: the catalog's
/// writers are idempotent and callers' work delegates only call them.
/// </para>
/// The schema is created on first use, not in the constructor, so building the service graph needs no database.
/// </summary>
public sealed class PostgresWorkloadCatalog(NpgsqlDataSource dataSource) : IWorkloadCatalog
{
    private const int MaxAttempts = 5;

    private readonly SchemaGate _schema = new(() => PostgresCatalogSchema.CreateAsync(dataSource));

    public async Task<T> WriteAsync<T>(Func<ICatalogWriter, T> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _schema.EnsureAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return WriteOnce(work);
            }
            catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < MaxAttempts)
            {
                // The other transaction won; a short random pause keeps the two from colliding again in step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }

    public async Task<DatasetStats?> GetDatasetAsync(string datasetId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {DatasetColumns} FROM aiworkload_catalog.datasets WHERE dataset_id = @id", [("id", datasetId)], ReadDatasetStats, cancellationToken))
        .FirstOrDefault();

    public async Task<IReadOnlyList<DatasetStats>> ListDatasetsAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {DatasetColumns} FROM aiworkload_catalog.datasets ORDER BY dataset_id", [], ReadDatasetStats, cancellationToken);

    public async Task<DatasetSnapshot> ReadDatasetAsync(string datasetId, long? upToVersion = null, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var statsCommand = new NpgsqlCommand($"SELECT {DatasetColumns} FROM aiworkload_catalog.datasets WHERE dataset_id = @id", connection)
            .WithParameters([("id", datasetId)]);
        var stats = (await PostgresCatalogQueries.QueryAsync(statsCommand, ReadDatasetStats, cancellationToken)).FirstOrDefault()
            ?? throw new CatalogNotFoundException($"Dataset '{datasetId}' does not exist.");

        // A version's rows commit together with the dataset's new version, so every row up to it is already visible.
        var version = Math.Min(upToVersion ?? stats.DataVersion, stats.DataVersion);
        await using var rowsCommand = new NpgsqlCommand(
            "SELECT features, label FROM aiworkload_catalog.dataset_rows WHERE dataset_id = @id AND data_version <= @v ORDER BY row_number", connection)
            .WithParameters([("id", datasetId), ("v", version)]);
        var rows = await PostgresCatalogQueries.QueryAsync(rowsCommand, r => new DatasetRow(FeatureCodec.Decode(r.GetFieldValue<byte[]>(0)), r.GetString(1)), cancellationToken);
        return new DatasetSnapshot(stats.Definition, version, rows);
    }

    /// <summary>Each data version is exactly one batch, so the batches' row counts add up without touching the rows.</summary>
    public async Task<long> CountRowsAfterAsync(string datasetId, long dataVersion, CancellationToken cancellationToken = default) =>
        (await QueryAsync(
            "SELECT COALESCE(SUM(rows_added), 0)::bigint FROM aiworkload_catalog.dataset_batches WHERE dataset_id = @id AND data_version > @v",
            [("id", datasetId), ("v", dataVersion)], r => r.GetInt64(0), cancellationToken))[0];

    public async Task<ModelDefinition?> GetModelAsync(string modelId, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT definition FROM aiworkload_catalog.models WHERE model_id = @id", [("id", modelId)], ReadModel, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync("SELECT definition FROM aiworkload_catalog.models ORDER BY model_id", [], ReadModel, cancellationToken);

    public async Task<IReadOnlyList<ModelVersion>> GetVersionsAsync(string modelId, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {VersionColumns} FROM aiworkload_catalog.model_versions WHERE model_id = @id ORDER BY version",
            [("id", modelId)], ReadVersion, cancellationToken);

    public async Task<ModelVersion?> GetPromotedVersionAsync(string modelId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {VersionColumns} FROM aiworkload_catalog.model_versions WHERE model_id = @id AND status = @s ORDER BY version",
            [("id", modelId), ("s", (int)VersionStatus.Promoted)], ReadVersion, cancellationToken)).FirstOrDefault();

    public async Task<ModelVersion?> GetVersionByJobAsync(string modelId, string jobId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {VersionColumns} FROM aiworkload_catalog.model_versions WHERE model_id = @id AND job_id = @j",
            [("id", modelId), ("j", jobId)], ReadVersion, cancellationToken)).FirstOrDefault();

    public async Task<IdempotentResponse?> GetIdempotentResponseAsync(string key, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {IdempotencyColumns} FROM aiworkload_catalog.idempotency WHERE idempotency_key = @k", [("k", key)],
            ReadIdempotentResponse, cancellationToken)).FirstOrDefault();

    /// <summary>
    /// Several processes may dispatch the same pending entries at once, and each sends them. That is safe: an entry's
    /// message carries a MessageId fixed when it was written, and Service Bus duplicate detection drops the second copy.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> GetUnpublishedAsync(int maxEntries, CancellationToken cancellationToken = default) =>
        await QueryAsync(
            $"SELECT {OutboxColumns} FROM aiworkload_catalog.outbox WHERE sent_at IS NULL ORDER BY created_at, entry_id LIMIT @n",
            // SQLite reads a negative LIMIT as no limit; PostgreSQL's LIMIT NULL says the same.
            [("n", maxEntries < 0 ? null : (long)maxEntries)], ReadOutboxEntry, cancellationToken);

    public async Task MarkPublishedAsync(OutboxEntry entry, DateTimeOffset publishedAt, ScheduledMessage? scheduled = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("UPDATE aiworkload_catalog.outbox SET sent_at = @s WHERE entry_id = @id")
            .WithParameters([("s", Utc(publishedAt)), ("id", entry.Id)]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Synchronous from open to commit, like the work itself: a transaction holding a row lock then never waits for a free
    /// thread-pool thread to commit, so writers queued on that lock (each blocking its thread) cannot starve it.
    /// </summary>
    private T WriteOnce<T>(Func<ICatalogWriter, T> work)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        var result = work(new PostgresCatalogWriter(connection, transaction));
        transaction.Commit();
        return result;
    }

    private async Task<List<T>> QueryAsync<T>(string sql, (string Name, object? Value)[] parameters, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken);
        await using var command = dataSource.CreateCommand(sql).WithParameters(parameters);
        return await PostgresCatalogQueries.QueryAsync(command, map, cancellationToken);
    }
}
