using System.Text.Json;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging.Outbox;
using Microsoft.Data.Sqlite;

namespace AiWorkload.Catalog.Sqlite;

/// <summary>Changes inside one open transaction; the catalog commits them together or not at all.</summary>
internal sealed class SqliteCatalogWriter(SqliteConnection connection, SqliteTransaction transaction) : ICatalogWriter
{
    public DatasetDefinition CreateDataset(DatasetDefinition definition)
    {
        var existing = CatalogQueries.GetDataset(connection, transaction, definition.DatasetId);
        if (existing is not null)
        {
            return existing.Definition.SameSchemaAs(definition)
                ? existing.Definition
                : throw new CatalogConflictException($"Dataset '{definition.DatasetId}' already exists with another schema.");
        }

        CatalogQueries.Execute(connection, transaction, "INSERT INTO datasets (dataset_id, definition, total_rows, data_version) VALUES ($id, $d, 0, 0)",
            ("$id", definition.DatasetId), ("$d", JsonSerializer.Serialize(definition, CatalogJsonContext.Default.DatasetDefinition)));
        return definition;
    }

    public DatasetBatch AppendRows(string datasetId, string batchId, IReadOnlyList<DatasetRow> rows)
    {
        var earlier = CatalogQueries.Query(connection, transaction,
            "SELECT rows_added, total_rows, data_version FROM dataset_batches WHERE dataset_id = $id AND batch_id = $b",
            [("$id", datasetId), ("$b", batchId)],
            r => new DatasetBatch(datasetId, batchId, r.GetInt32(0), r.GetInt64(1), r.GetInt64(2), AlreadyStored: true)).FirstOrDefault();
        if (earlier is not null)
        {
            return earlier;
        }

        var stats = CatalogQueries.GetDataset(connection, transaction, datasetId) ?? throw new CatalogNotFoundException($"Dataset '{datasetId}' does not exist.");
        var version = stats.DataVersion + 1;
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO dataset_rows (dataset_id, row_number, data_version, features, label) VALUES ($id, $n, $v, $f, $l)";
            var id = insert.Parameters.AddWithValue("$id", datasetId);
            var number = insert.Parameters.Add("$n", SqliteType.Integer);
            insert.Parameters.AddWithValue("$v", version);
            var features = insert.Parameters.Add("$f", SqliteType.Blob);
            var label = insert.Parameters.Add("$l", SqliteType.Text);
            for (var i = 0; i < rows.Count; i++)
            {
                number.Value = stats.TotalRows + i;
                features.Value = FeatureCodec.Encode(rows[i].Features);
                label.Value = rows[i].Label;
                insert.ExecuteNonQuery();
            }
        }

        var total = stats.TotalRows + rows.Count;
        CatalogQueries.Execute(connection, transaction, "UPDATE datasets SET total_rows = $t, data_version = $v WHERE dataset_id = $id",
            ("$t", total), ("$v", version), ("$id", datasetId));
        CatalogQueries.Execute(connection, transaction,
            "INSERT INTO dataset_batches (dataset_id, batch_id, rows_added, total_rows, data_version) VALUES ($id, $b, $n, $t, $v)",
            ("$id", datasetId), ("$b", batchId), ("$n", rows.Count), ("$t", total), ("$v", version));
        return new DatasetBatch(datasetId, batchId, rows.Count, total, version, AlreadyStored: false);
    }

    public ModelDefinition RegisterModel(ModelDefinition definition)
    {
        var existing = CatalogQueries.GetModel(connection, transaction, definition.ModelId);
        if (existing is not null)
        {
            return existing with { RegisteredAt = definition.RegisteredAt } == definition
                ? existing
                : throw new CatalogConflictException($"Model '{definition.ModelId}' is already registered with another definition.");
        }

        CatalogQueries.Execute(connection, transaction, "INSERT INTO models (model_id, definition) VALUES ($id, $d)",
            ("$id", definition.ModelId), ("$d", JsonSerializer.Serialize(definition, CatalogJsonContext.Default.ModelDefinition)));
        return definition;
    }

    public ModelVersion AddVersion(NewModelVersion version)
    {
        var existing = CatalogQueries.GetVersions(connection, transaction, "model_id = $id AND job_id = $j", [("$id", version.ModelId), ("$j", version.JobId)]).FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        _ = CatalogQueries.GetModel(connection, transaction, version.ModelId) ?? throw new CatalogNotFoundException($"Model '{version.ModelId}' is not registered.");
        var number = CatalogQueries.Query(connection, transaction, "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model_id = $id", [("$id", version.ModelId)], r => r.GetInt32(0))[0];
        CatalogQueries.Execute(connection, transaction,
            """
            INSERT INTO model_versions (model_id, version, job_id, trainer, data_version, metrics, artifact_key, trained_at, training_seconds, status, decision)
            VALUES ($id, $n, $j, $t, $dv, $m, $a, $at, $s, $st, NULL)
            """,
            ("$id", version.ModelId), ("$n", number), ("$j", version.JobId), ("$t", version.Trainer), ("$dv", version.DataVersion),
            ("$m", JsonSerializer.Serialize(new Dictionary<string, double>(version.Metrics), CatalogJsonContext.Default.DictionaryStringDouble)),
            ("$a", version.ArtifactKey), ("$at", version.TrainedAt.UtcTicks), ("$s", version.TrainingSeconds), ("$st", (int)VersionStatus.Candidate));
        return new ModelVersion(version.ModelId, number, version.JobId, version.Trainer, version.DataVersion, version.Metrics, version.ArtifactKey,
            version.TrainedAt, version.TrainingSeconds, VersionStatus.Candidate, null);
    }

    public ModelVersion SetVersionStatus(string modelId, int version, VersionStatus status, string decision)
    {
        if (status == VersionStatus.Promoted)
        {
            CatalogQueries.Execute(connection, transaction, "UPDATE model_versions SET status = $r WHERE model_id = $id AND status = $p AND version <> $n",
                ("$r", (int)VersionStatus.Retired), ("$id", modelId), ("$p", (int)VersionStatus.Promoted), ("$n", version));
        }

        var changed = CatalogQueries.Execute(connection, transaction, "UPDATE model_versions SET status = $s, decision = $d WHERE model_id = $id AND version = $n",
            ("$s", (int)status), ("$d", decision), ("$id", modelId), ("$n", version));
        return changed == 0
            ? throw new CatalogNotFoundException($"Model '{modelId}' has no version {version}.")
            : CatalogQueries.GetVersions(connection, transaction, "model_id = $id AND version = $n", [("$id", modelId), ("$n", version)])[0];
    }

    public void Enqueue(OutboxEntry entry) =>
        CatalogQueries.Execute(connection, transaction,
            "INSERT OR IGNORE INTO outbox (entry_id, message_type, payload, created_at, sent_at) VALUES ($id, $t, $p, $c, NULL)",
            ("$id", entry.Id), ("$t", entry.MessageType), ("$p", entry.Payload), ("$c", entry.CreatedAt.UtcTicks));

    public void SaveIdempotentResponse(IdempotentResponse response) =>
        CatalogQueries.Execute(connection, transaction,
            "INSERT INTO idempotency (idempotency_key, request_hash, status_code, location, body, created_at) VALUES ($k, $h, $s, $l, $b, $c)",
            ("$k", response.Key), ("$h", response.RequestHash), ("$s", response.StatusCode), ("$l", response.Location), ("$b", response.Body), ("$c", response.CreatedAt.UtcTicks));

    public void MarkSent(IReadOnlyCollection<string> entryIds, DateTimeOffset sentAt)
    {
        foreach (var id in entryIds)
        {
            CatalogQueries.Execute(connection, transaction, "UPDATE outbox SET sent_at = $s WHERE entry_id = $id", ("$s", sentAt.UtcTicks), ("$id", id));
        }
    }
}
