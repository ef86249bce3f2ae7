using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging.Outbox;
using AiWorkload.Catalog.Sqlite;
using Npgsql;
using NpgsqlTypes;
using static AiWorkload.Storage.Postgres.Catalog.PostgresCatalogQueries;

namespace AiWorkload.Storage.Postgres.Catalog;

/// <summary>
/// Changes inside one READ COMMITTED transaction. Whatever reads a row to decide what to write next (a dataset's version,
/// a model's version numbers, its promoted version) first locks the dataset or model row, so writers in other processes
/// take turns there; every statement after the lock sees what the previous holder committed.
/// <para>
/// Every command is a single statement: Npgsql sends a synchronous multi-statement command from a thread-pool thread, and
/// a transaction that holds a row lock must never wait for the pool, which writers queued on that lock may have used up.
/// </para>
/// </summary>
internal sealed class PostgresCatalogWriter(NpgsqlConnection connection, NpgsqlTransaction transaction) : ICatalogWriter
{
    public DatasetDefinition CreateDataset(DatasetDefinition definition)
    {
        // ON CONFLICT waits for a concurrent creator, so the SELECT below sees its row rather than failing on the key.
        var created = Execute(connection, transaction,
            "INSERT INTO aiworkload_catalog.datasets (dataset_id, definition, total_rows, data_version) VALUES (@id, @d, 0, 0) ON CONFLICT (dataset_id) DO NOTHING",
            ("id", definition.DatasetId), ("d", JsonSerializer.Serialize(definition, CatalogJsonContext.Default.DatasetDefinition)));
        if (created == 1)
        {
            return definition;
        }

        var existing = Query(connection, transaction, $"SELECT {DatasetColumns} FROM aiworkload_catalog.datasets WHERE dataset_id = @id",
            [("id", definition.DatasetId)], ReadDatasetStats)[0];
        return existing.Definition.SameSchemaAs(definition)
            ? existing.Definition
            : throw new CatalogConflictException($"Dataset '{definition.DatasetId}' already exists with another schema.");
    }

    public DatasetBatch AppendRows(string datasetId, string batchId, IReadOnlyList<DatasetRow> rows)
    {
        // The lock comes before the batch lookup: a concurrent append of the same batch is then either seen here or waits.
        var (totalRows, dataVersion) = Query(connection, transaction,
            "SELECT total_rows, data_version FROM aiworkload_catalog.datasets WHERE dataset_id = @id FOR UPDATE",
            [("id", datasetId)], r => ((long, long)?)(r.GetInt64(0), r.GetInt64(1))).FirstOrDefault()
            ?? throw new CatalogNotFoundException($"Dataset '{datasetId}' does not exist.");
        var earlier = Query(connection, transaction,
            "SELECT rows_added, total_rows, data_version FROM aiworkload_catalog.dataset_batches WHERE dataset_id = @id AND batch_id = @b",
            [("id", datasetId), ("b", batchId)],
            r => new DatasetBatch(datasetId, batchId, r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), AlreadyStored: true)).FirstOrDefault();
        if (earlier is not null)
        {
            return earlier;
        }

        var version = dataVersion + 1;
        CopyRows(datasetId, totalRows, version, rows);
        var total = totalRows + rows.Count;
        Execute(connection, transaction,
            """
            WITH dataset AS (UPDATE aiworkload_catalog.datasets SET total_rows = @t, data_version = @v WHERE dataset_id = @id)
            INSERT INTO aiworkload_catalog.dataset_batches (dataset_id, batch_id, rows_added, total_rows, data_version) VALUES (@id, @b, @n, @t, @v)
            """,
            ("id", datasetId), ("b", batchId), ("n", rows.Count), ("t", total), ("v", version));
        return new DatasetBatch(datasetId, batchId, rows.Count, total, version, AlreadyStored: false);
    }

    public ModelDefinition RegisterModel(ModelDefinition definition)
    {
        var created = Execute(connection, transaction,
            "INSERT INTO aiworkload_catalog.models (model_id, definition) VALUES (@id, @d) ON CONFLICT (model_id) DO NOTHING",
            ("id", definition.ModelId), ("d", JsonSerializer.Serialize(definition, CatalogJsonContext.Default.ModelDefinition)));
        if (created == 1)
        {
            return definition;
        }

        var existing = Query(connection, transaction, "SELECT definition FROM aiworkload_catalog.models WHERE model_id = @id", [("id", definition.ModelId)], ReadModel)[0];
        return existing with { RegisteredAt = definition.RegisteredAt } == definition
            ? existing
            : throw new CatalogConflictException($"Model '{definition.ModelId}' is already registered with another definition.");
    }

    public ModelVersion AddVersion(NewModelVersion version)
    {
        // Numbering reads MAX(version): holding the model's row makes the next number this transaction's alone.
        var registered = LockModel(version.ModelId);
        var existing = Query(connection, transaction, $"SELECT {VersionColumns} FROM aiworkload_catalog.model_versions WHERE model_id = @id AND job_id = @j",
            [("id", version.ModelId), ("j", version.JobId)], ReadVersion).FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        if (!registered)
        {
            throw new CatalogNotFoundException($"Model '{version.ModelId}' is not registered.");
        }

        // RETURNING hands back what was stored (timestamptz keeps microseconds), so this equals what a later read returns.
        return Query(connection, transaction,
            $"""
            INSERT INTO aiworkload_catalog.model_versions ({VersionColumns})
            SELECT @id, COALESCE(MAX(version), 0) + 1, @j, @t, @dv, @m, @a, @at, @s, @st, NULL FROM aiworkload_catalog.model_versions WHERE model_id = @id
            RETURNING {VersionColumns}
            """,
            [("id", version.ModelId), ("j", version.JobId), ("t", version.Trainer), ("dv", version.DataVersion),
             ("m", JsonSerializer.Serialize(new Dictionary<string, double>(version.Metrics), CatalogJsonContext.Default.DictionaryStringDouble)),
             ("a", version.ArtifactKey), ("at", Utc(version.TrainedAt)), ("s", version.TrainingSeconds), ("st", (int)VersionStatus.Candidate)],
            ReadVersion)[0];
    }

    public ModelVersion SetVersionStatus(string modelId, int version, VersionStatus status, string decision)
    {
        if (status == VersionStatus.Promoted)
        {
            // Two promotions of one model must not both see "nothing else promoted": they take turns on the model's row.
            LockModel(modelId);
            Execute(connection, transaction,
                "UPDATE aiworkload_catalog.model_versions SET status = @r WHERE model_id = @id AND status = @p AND version <> @n",
                ("r", (int)VersionStatus.Retired), ("id", modelId), ("p", (int)VersionStatus.Promoted), ("n", version));
        }

        return Query(connection, transaction,
            $"UPDATE aiworkload_catalog.model_versions SET status = @s, decision = @d WHERE model_id = @id AND version = @n RETURNING {VersionColumns}",
            [("s", (int)status), ("d", decision), ("id", modelId), ("n", version)], ReadVersion).FirstOrDefault()
            ?? throw new CatalogNotFoundException($"Model '{modelId}' has no version {version}.");
    }

    public void Enqueue(OutboxEntry entry) =>
        Execute(connection, transaction,
            "INSERT INTO aiworkload_catalog.outbox (entry_id, message_type, payload, created_at, sent_at) VALUES (@id, @t, @p, @c, NULL) ON CONFLICT (entry_id) DO NOTHING",
            ("id", entry.Id), ("t", entry.MessageType), ("p", entry.Payload), ("c", Utc(entry.CreatedAt)));

    /// <summary>
    /// A key stored before fails on the primary key, as in SQLite: the caller then replays the stored answer. The failure
    /// also aborts this transaction, which the caller discards anyway.
    /// </summary>
    public void SaveIdempotentResponse(IdempotentResponse response) =>
        Execute(connection, transaction,
            $"INSERT INTO aiworkload_catalog.idempotency ({IdempotencyColumns}) VALUES (@k, @h, @s, @l, @b, @c)",
            ("k", response.Key), ("h", response.RequestHash), ("s", response.StatusCode), ("l", response.Location), ("b", response.Body), ("c", Utc(response.CreatedAt)));

    private bool LockModel(string modelId) =>
        Query(connection, transaction, "SELECT 1 FROM aiworkload_catalog.models WHERE model_id = @id FOR UPDATE", [("id", modelId)], _ => true).Count > 0;

    /// <summary>Binary COPY: a batch of 100,000 rows is one stream, not 100,000 statements.</summary>
    private void CopyRows(string datasetId, long firstRow, long version, IReadOnlyList<DatasetRow> rows)
    {
        using var import = connection.BeginBinaryImport(
            "COPY aiworkload_catalog.dataset_rows (dataset_id, row_number, data_version, features, label) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < rows.Count; i++)
        {
            import.StartRow();
            import.Write(datasetId, NpgsqlDbType.Text);
            import.Write(firstRow + i, NpgsqlDbType.Bigint);
            import.Write(version, NpgsqlDbType.Bigint);
            import.Write(FeatureCodec.Encode(rows[i].Features), NpgsqlDbType.Bytea);
            import.Write(rows[i].Label, NpgsqlDbType.Text);
        }

        import.Complete();
    }
}
