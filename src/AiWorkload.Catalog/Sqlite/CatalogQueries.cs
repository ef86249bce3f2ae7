using System.Text.Json;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using Microsoft.Data.Sqlite;

namespace AiWorkload.Catalog.Sqlite;

/// <summary>Reads shared by the catalog and its writer (which reads inside its transaction).</summary>
internal static class CatalogQueries
{
    public static List<T> Query<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters, Func<SqliteDataReader, T> map)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static DatasetStats? GetDataset(SqliteConnection connection, SqliteTransaction? transaction, string datasetId) =>
        Query(connection, transaction, "SELECT definition, total_rows, data_version FROM datasets WHERE dataset_id = $id", [("$id", datasetId)], ReadDatasetStats).FirstOrDefault();

    public static DatasetStats ReadDatasetStats(SqliteDataReader reader) =>
        new(JsonSerializer.Deserialize(reader.GetString(0), CatalogJsonContext.Default.DatasetDefinition)!, reader.GetInt64(1), reader.GetInt64(2));

    public static ModelDefinition? GetModel(SqliteConnection connection, SqliteTransaction? transaction, string modelId) =>
        Query(connection, transaction, "SELECT definition FROM models WHERE model_id = $id", [("$id", modelId)],
            r => JsonSerializer.Deserialize(r.GetString(0), CatalogJsonContext.Default.ModelDefinition)!).FirstOrDefault();

    public static List<ModelVersion> GetVersions(SqliteConnection connection, SqliteTransaction? transaction, string where, (string, object?)[] parameters) =>
        Query(connection, transaction,
            $"SELECT model_id, version, job_id, trainer, data_version, metrics, artifact_key, trained_at, training_seconds, status, decision FROM model_versions WHERE {where} ORDER BY version",
            parameters,
            r => new ModelVersion(
                r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetInt64(4),
                JsonSerializer.Deserialize(r.GetString(5), CatalogJsonContext.Default.DictionaryStringDouble)!,
                r.GetString(6), new DateTimeOffset(r.GetInt64(7), TimeSpan.Zero), r.GetDouble(8), (VersionStatus)r.GetInt32(9),
                r.IsDBNull(10) ? null : r.GetString(10)));

    public static IdempotentResponse? GetIdempotentResponse(SqliteConnection connection, SqliteTransaction? transaction, string key) =>
        Query(connection, transaction, "SELECT idempotency_key, request_hash, status_code, location, body, created_at FROM idempotency WHERE idempotency_key = $k", [("$k", key)],
            r => new IdempotentResponse(r.GetString(0), r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), new DateTimeOffset(r.GetInt64(5), TimeSpan.Zero)))
            .FirstOrDefault();

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
