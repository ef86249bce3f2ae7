using Npgsql;

namespace AiWorkload.Storage.Postgres.Runs;

/// <summary>Parameterised commands in a few lines each, on a pooled connection or inside a transaction.</summary>
internal static class PostgresCommands
{
    public static NpgsqlCommand Command(NpgsqlDataSource dataSource, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        WithParameters(dataSource.CreateCommand(sql), parameters);

    public static NpgsqlCommand Command(NpgsqlTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
#pragma warning disable CA2100 // Callers pass constant SQL; values always travel as parameters.
        WithParameters(new NpgsqlCommand(sql, transaction.Connection, transaction), parameters);
#pragma warning restore CA2100

    /// <summary>Runs the command and disposes it, as the ones below do.</summary>
    public static async Task<int> ExecuteAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<object?> ScalarAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteScalarAsync(cancellationToken);
        }
    }

    public static async Task<List<T>> ListAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var results = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                results.Add(read(reader));
            }

            return results;
        }
    }

    public static long? NullableInt64(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    private static NpgsqlCommand WithParameters(NpgsqlCommand command, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                // timestamptz takes UTC offsets only; the instant is what the store keeps, as SQLite's UTC ticks do.
                DateTimeOffset time => time.ToUniversalTime(),
                _ => value,
            });
        }

        return command;
    }
}
