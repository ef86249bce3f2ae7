using System.Text.Json;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging;
using AiWorkload.Messaging.Outbox;
using Microsoft.Data.Sqlite;

namespace AiWorkload.Catalog.Sqlite;

/// <summary>
/// The catalog in one SQLite file (WAL, synchronous=FULL): a write that returned is on disk. Writes are serialised
/// in-process, so transactions never meet SQLITE_BUSY; reads run concurrently on their own connections.
/// </summary>
public sealed class SqliteWorkloadCatalog : IWorkloadCatalog, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteWorkloadCatalog(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "catalog.db"), Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + CatalogSchema.Create;
        command.ExecuteNonQuery();
    }

    public async Task<T> WriteAsync<T>(Func<ICatalogWriter, T> work, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = work(new SqliteCatalogWriter(connection, transaction));
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<DatasetStats?> GetDatasetAsync(string datasetId, CancellationToken cancellationToken = default) =>
        Read(connection => CatalogQueries.GetDataset(connection, null, datasetId));

    public Task<IReadOnlyList<DatasetStats>> ListDatasetsAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<DatasetStats>>(connection => CatalogQueries.Query(connection, null, "SELECT definition, total_rows, data_version FROM datasets ORDER BY dataset_id", [], CatalogQueries.ReadDatasetStats));

    public Task<DatasetSnapshot> ReadDatasetAsync(string datasetId, long? upToVersion = null, CancellationToken cancellationToken = default) =>
        Read(connection =>
        {
            var stats = CatalogQueries.GetDataset(connection, null, datasetId) ?? throw new CatalogNotFoundException($"Dataset '{datasetId}' does not exist.");
            var version = Math.Min(upToVersion ?? stats.DataVersion, stats.DataVersion);
            var rows = CatalogQueries.Query(connection, null,
                "SELECT features, label FROM dataset_rows WHERE dataset_id = $id AND data_version <= $v ORDER BY row_number",
                [("$id", datasetId), ("$v", version)],
                r => new DatasetRow(FeatureCodec.Decode((byte[])r.GetValue(0)), r.GetString(1)));
            return new DatasetSnapshot(stats.Definition, version, rows);
        });

    public Task<long> CountRowsAfterAsync(string datasetId, long dataVersion, CancellationToken cancellationToken = default) =>
        Read(connection => CatalogQueries.Query(connection, null,
            "SELECT COUNT(*) FROM dataset_rows WHERE dataset_id = $id AND data_version > $v", [("$id", datasetId), ("$v", dataVersion)], r => r.GetInt64(0))[0]);

    public Task<ModelDefinition?> GetModelAsync(string modelId, CancellationToken cancellationToken = default) =>
        Read(connection => CatalogQueries.GetModel(connection, null, modelId));

    public Task<IReadOnlyList<ModelDefinition>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ModelDefinition>>(connection => CatalogQueries.Query(connection, null, "SELECT definition FROM models ORDER BY model_id", [],
            r => JsonSerializer.Deserialize(r.GetString(0), CatalogJsonContext.Default.ModelDefinition)!));

    public Task<IReadOnlyList<ModelVersion>> GetVersionsAsync(string modelId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<ModelVersion>>(connection => CatalogQueries.GetVersions(connection, null, "model_id = $id", [("$id", modelId)]));

    public Task<ModelVersion?> GetPromotedVersionAsync(string modelId, CancellationToken cancellationToken = default) =>
        Read(connection => CatalogQueries.GetVersions(connection, null, "model_id = $id AND status = $s", [("$id", modelId), ("$s", (int)VersionStatus.Promoted)]).FirstOrDefault());

    public Task<ModelVersion?> GetVersionByJobAsync(string modelId, string jobId, CancellationToken cancellationToken = default) =>
        Read(connection => CatalogQueries.GetVersions(connection, null, "model_id = $id AND job_id = $j", [("$id", modelId), ("$j", jobId)]).FirstOrDefault());

    public Task<IdempotentResponse?> GetIdempotentResponseAsync(string key, CancellationToken cancellationToken = default) =>
        Read(connection => CatalogQueries.GetIdempotentResponse(connection, null, key));

    /// <summary>Oldest first; entries written in one transaction share a time and keep their id order.</summary>
    public Task<IReadOnlyList<OutboxEntry>> GetUnpublishedAsync(int maxEntries, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<OutboxEntry>>(connection => CatalogQueries.Query(connection, null,
            "SELECT entry_id, message_type, payload, created_at FROM outbox WHERE sent_at IS NULL ORDER BY created_at, entry_id LIMIT $n",
            [("$n", maxEntries)],
            r => new OutboxEntry(r.GetString(0), r.GetString(1), r.GetString(2), new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero))));

    public Task MarkPublishedAsync(OutboxEntry entry, DateTimeOffset publishedAt, ScheduledMessage? scheduled = null, CancellationToken cancellationToken = default) =>
        WriteAsync(writer =>
        {
            ArgumentNullException.ThrowIfNull(entry);
            ((SqliteCatalogWriter)writer).MarkSent([entry.Id], publishedAt);
            return true;
        }, cancellationToken);

    public void Dispose() => _writeLock.Dispose();

    private Task<T> Read<T>(Func<SqliteConnection, T> query)
    {
        using var connection = Open();
        return Task.FromResult(query(connection));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
