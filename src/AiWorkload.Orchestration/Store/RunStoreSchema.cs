namespace AiWorkload.Orchestration.Store;

internal static class RunStoreSchema
{
    /// <summary>
    /// Runs are documents with the columns queries filter on pulled out. The partial unique index is the single-flight
    /// guarantee: two active runs can never share a flight key, whatever races the policies lose.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY,
            pipeline TEXT NOT NULL,
            model_id TEXT NULL,
            trigger TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL,
            flight_key TEXT NULL,
            waiting_for TEXT NULL,
            document TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS runs_created ON runs (created_at DESC, run_id DESC);
        CREATE INDEX IF NOT EXISTS runs_model ON runs (model_id, state);
        CREATE INDEX IF NOT EXISTS runs_pipeline ON runs (pipeline, created_at DESC);
        CREATE UNIQUE INDEX IF NOT EXISTS runs_single_flight ON runs (flight_key)
            WHERE flight_key IS NOT NULL AND state IN ('Pending', 'Running');
        CREATE TABLE IF NOT EXISTS processed (
            dedupe_key TEXT PRIMARY KEY,
            processed_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS decisions (
            decision_id TEXT PRIMARY KEY,
            policy TEXT NOT NULL,
            model_id TEXT NULL,
            event_id TEXT NOT NULL,
            triggered INTEGER NOT NULL,
            reason TEXT NOT NULL,
            run_id TEXT NULL,
            decided_at INTEGER NOT NULL,
            details TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS decisions_model ON decisions (model_id, policy, decided_at DESC);
        CREATE TABLE IF NOT EXISTS schedules (
            schedule_key TEXT PRIMARY KEY,
            pipeline TEXT NOT NULL,
            spec TEXT NOT NULL,
            next_fire_at INTEGER NOT NULL,
            tick_message_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            message_type TEXT NOT NULL,
            message_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            run_id TEXT NULL,
            correlation_id TEXT NULL,
            enqueue_at INTEGER NULL,
            created_at INTEGER NOT NULL,
            dispatched_at INTEGER NULL,
            sequence_number INTEGER NULL,
            destination TEXT NULL,
            cancelled INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (dispatched_at, id);
        CREATE INDEX IF NOT EXISTS outbox_message ON outbox (message_id);
        """;
}
