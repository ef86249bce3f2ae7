using System.Text.Json;
using AiWorkload.Catalog;
using AiWorkload.Catalog.Datasets;
using AiWorkload.Catalog.Idempotency;
using AiWorkload.Catalog.Models;
using AiWorkload.Messaging.Outbox;
using Npgsql;

namespace AiWorkload.Storage.Postgres.Catalog;

/// <summary>Commands and row mappings shared by the catalog's reads and its writer (which runs inside its transaction).</summary>
internal static class PostgresCatalogQueries
{
    public const string DatasetColumns = "definition, total_rows, data_version";

    public const string VersionColumns = "model_id, version, job_id, trainer, data_version, metrics, artifact_key, trained_at, training_seconds, status, decision";

    public const string IdempotencyColumns = "idempotency_key, request_hash, status_code, location, body, created_at";

    public const string OutboxColumns = "entry_id, message_type, payload, created_at";

    public static NpgsqlCommand WithParameters(this NpgsqlCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static List<T> Query<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, (string Name, object? Value)[] parameters, Func<NpgsqlDataReader, T> map)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction).WithParameters(parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static async Task<List<T>> QueryAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static int Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction).WithParameters(parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Npgsql writes a timestamptz only from an offset-zero value; the instant is what is stored either way.</summary>
    public static DateTimeOffset Utc(DateTimeOffset time) => time.ToUniversalTime();

    public static DatasetStats ReadDatasetStats(NpgsqlDataReader reader) =>
        new(JsonSerializer.Deserialize(reader.GetString(0), CatalogJsonContext.Default.DatasetDefinition)!, reader.GetInt64(1), reader.GetInt64(2));

    public static ModelDefinition ReadModel(NpgsqlDataReader reader) =>
        JsonSerializer.Deserialize(reader.GetString(0), CatalogJsonContext.Default.ModelDefinition)!;

    public static ModelVersion ReadVersion(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
            JsonSerializer.Deserialize(reader.GetString(5), CatalogJsonContext.Default.DictionaryStringDouble)!,
            reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetDouble(8), (VersionStatus)reader.GetInt32(9),
            reader.IsDBNull(10) ? null : reader.GetString(10));

    public static IdempotentResponse ReadIdempotentResponse(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
            reader.GetFieldValue<DateTimeOffset>(5));

    public static OutboxEntry ReadOutboxEntry(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
}
