using Microsoft.Data.Sqlite;

namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>Prepared statements reused for every commit; SQLite re-parses nothing on the hot path.</summary>
internal sealed class StoreCommands : IDisposable
{
    private readonly SqliteCommand _insertMessage;
    private readonly SqliteCommand _updateMessage;
    private readonly SqliteCommand _updateDeliveryCount;
    private readonly SqliteCommand _deleteMessage;
    private readonly SqliteCommand _saveSequence;
    private readonly SqliteCommand _saveDuplicate;
    private readonly SqliteCommand _purgeDuplicates;
    private readonly SqliteCommand _saveSession;
    private readonly SqliteCommand _deleteSession;
    private readonly SqliteCommand _saveEntity;
    private readonly SqliteCommand[] _deleteEntity;
    private readonly List<SqliteCommand> _all = [];

    public StoreCommands(SqliteConnection connection)
    {
        _insertMessage = Create(connection, "INSERT OR REPLACE INTO messages (entity_id, sequence, state, delivery_count, payload) VALUES ($e, $s, $st, $d, $p)", "$e", "$s", "$st", "$d", "$p");
        _updateMessage = Create(connection, "UPDATE messages SET state = $st, delivery_count = $d, payload = $p WHERE entity_id = $e AND sequence = $s", "$e", "$s", "$st", "$d", "$p");
        _updateDeliveryCount = Create(connection, "UPDATE messages SET delivery_count = $d WHERE entity_id = $e AND sequence = $s", "$e", "$s", "$d");
        _deleteMessage = Create(connection, "DELETE FROM messages WHERE entity_id = $e AND sequence = $s", "$e", "$s");
        _saveSequence = Create(connection, "UPDATE entities SET next_sequence = $n WHERE id = $e", "$e", "$n");
        _saveDuplicate = Create(connection, "INSERT OR REPLACE INTO duplicates (entity_id, message_id, expires_at, sequence) VALUES ($e, $m, $x, $s)", "$e", "$m", "$x", "$s");
        _purgeDuplicates = Create(connection, "DELETE FROM duplicates WHERE expires_at <= $x", "$x");
        _saveSession = Create(connection, "INSERT OR REPLACE INTO sessions (entity_id, session_id, state) VALUES ($e, $i, $st)", "$e", "$i", "$st");
        _deleteSession = Create(connection, "DELETE FROM sessions WHERE entity_id = $e AND session_id = $i", "$e", "$i");
        _saveEntity = Create(connection, "INSERT OR REPLACE INTO entities (id, path, kind, parent_id, definition, next_sequence) VALUES ($e, $p, $k, $pa, $d, $n)", "$e", "$p", "$k", "$pa", "$d", "$n");
        _deleteEntity =
        [
            Create(connection, "DELETE FROM messages WHERE entity_id = $e", "$e"),
            Create(connection, "DELETE FROM duplicates WHERE entity_id = $e", "$e"),
            Create(connection, "DELETE FROM sessions WHERE entity_id = $e", "$e"),
            Create(connection, "DELETE FROM entities WHERE id = $e", "$e"),
        ];
    }

    public void Bind(SqliteTransaction transaction)
    {
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
    }

    public void Apply(StoreOperation operation)
    {
        switch (operation)
        {
            case InsertMessage op:
                Run(_insertMessage, op.EntityId, op.Sequence, (int)op.State, op.DeliveryCount, op.Payload);
                break;
            case UpdateMessage op:
                Run(_updateMessage, op.EntityId, op.Sequence, (int)op.State, op.DeliveryCount, op.Payload);
                break;
            case UpdateDeliveryCount op:
                Run(_updateDeliveryCount, op.EntityId, op.Sequence, op.DeliveryCount);
                break;
            case DeleteMessage op:
                Run(_deleteMessage, op.EntityId, op.Sequence);
                break;
            case SaveSequence op:
                Run(_saveSequence, op.EntityId, op.Next);
                break;
            case SaveDuplicate op:
                Run(_saveDuplicate, op.EntityId, op.MessageId, op.ExpiresAtTicks, op.Sequence);
                break;
            case PurgeDuplicates op:
                Run(_purgeDuplicates, op.ExpiredBeforeTicks);
                break;
            case SaveSessionState { State: null } op:
                Run(_deleteSession, op.EntityId, op.SessionId);
                break;
            case SaveSessionState op:
                Run(_saveSession, op.EntityId, op.SessionId, op.State);
                break;
            case SaveEntity op:
                Run(_saveEntity, op.EntityId, op.Path, (int)op.Kind, op.ParentId, op.Definition, op.NextSequence);
                break;
            case DeleteEntity op:
                foreach (var command in _deleteEntity)
                {
                    Run(command, op.EntityId);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown store operation {operation.GetType().Name}.");
        }
    }

    public void Dispose() => _all.ForEach(c => c.Dispose());

    private SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _all.Add(command);
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
