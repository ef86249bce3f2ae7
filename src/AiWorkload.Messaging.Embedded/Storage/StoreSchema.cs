namespace AiWorkload.Messaging.Embedded.Storage;

internal static class StoreSchema
{
    // messages is an ordinary rowid table on purpose: a 1 KB payload overflows a WITHOUT ROWID row, and then every
    // delivery-count update rewrites the overflow page too (measured: ~1.7x more bytes written per message).
    public const string Create = """
        CREATE TABLE IF NOT EXISTS entities (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            kind INTEGER NOT NULL,
            parent_id INTEGER NULL,
            definition TEXT NULL,
            next_sequence INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS messages (
            entity_id INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            state INTEGER NOT NULL,
            delivery_count INTEGER NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (entity_id, sequence));
        CREATE TABLE IF NOT EXISTS duplicates (
            entity_id INTEGER NOT NULL,
            message_id TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            PRIMARY KEY (entity_id, message_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS sessions (
            entity_id INTEGER NOT NULL,
            session_id TEXT NOT NULL,
            state BLOB NOT NULL,
            PRIMARY KEY (entity_id, session_id)) WITHOUT ROWID;
        """;
}
