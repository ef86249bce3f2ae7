using AiWorkload.Messaging.Embedded.Entities;
using AiWorkload.Messaging.Embedded.Messages;
using Microsoft.Data.Sqlite;

namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>Reads the whole durable state back at start-up.</summary>
internal static class StoreLoader
{
    public static PersistedState Load(SqliteConnection connection)
    {
        var entities = Read(connection, "SELECT id, path, kind, parent_id, definition, next_sequence FROM entities ORDER BY id", r =>
            new PersistedState.EntityRow(r.GetInt64(0), r.GetString(1), (EntityKind)r.GetInt32(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt64(5)));
        var messages = Read(connection, "SELECT entity_id, sequence, state, delivery_count, payload FROM messages ORDER BY entity_id, sequence", r =>
            new PersistedState.MessageRow(r.GetInt64(0), r.GetInt64(1), (MessageState)r.GetInt32(2), r.GetInt32(3), (byte[])r.GetValue(4)));
        var duplicates = Read(connection, "SELECT entity_id, message_id, expires_at, sequence FROM duplicates", r =>
            new PersistedState.DuplicateRow(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)));
        var sessions = Read(connection, "SELECT entity_id, session_id, state FROM sessions", r =>
            new PersistedState.SessionRow(r.GetInt64(0), r.GetString(1), (byte[])r.GetValue(2)));
        return new PersistedState(entities, messages, duplicates, sessions);
    }

    private static List<T> Read<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
