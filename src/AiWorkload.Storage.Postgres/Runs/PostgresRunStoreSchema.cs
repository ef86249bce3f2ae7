namespace AiWorkload.Storage.Postgres.Runs;

internal static class PostgresRunStoreSchema
{
    /// <summary>
    /// Serialises schema creation between services and replicas starting at once: concurrent <c>CREATE ... IF NOT EXISTS</c>
    /// statements can still collide in the system catalogs. Any constant works as long as no other store in the database
    /// shares it ("AIWORUNS" in ASCII; the catalog has its own).
    /// </summary>
    public const long LockKey = 0x4149_574F_5255_4E53;

    /// <summary>
    /// The SQLite layout (RunStoreSchema) in its own schema, with PostgreSQL types. Runs are documents with the columns
    /// queries filter on pulled out; the partial unique index is the single-flight guarantee, which holds across every
    /// process sharing the database whatever races the policies lose.
    /// </summary>
    public const string Create = """
        CREATE SCHEMA IF NOT EXISTS aiworkload_orchestration;
        CREATE TABLE IF NOT EXISTS aiworkload_orchestration.runs (
            run_id text PRIMARY KEY,
            pipeline text NOT NULL,
            model_id text NULL,
            trigger text NOT NULL,
            state text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version bigint NOT NULL,
            flight_key text NULL,
            waiting_for text[] NULL,
            document text NOT NULL);
        CREATE INDEX IF NOT EXISTS runs_created ON aiworkload_orchestration.runs (created_at DESC, run_id DESC);
        CREATE INDEX IF NOT EXISTS runs_model ON aiworkload_orchestration.runs (model_id, state);
        CREATE INDEX IF NOT EXISTS runs_pipeline ON aiworkload_orchestration.runs (pipeline, created_at DESC);
        CREATE UNIQUE INDEX IF NOT EXISTS runs_single_flight ON aiworkload_orchestration.runs (flight_key)
            WHERE flight_key IS NOT NULL AND state IN ('Pending', 'Running');
        CREATE INDEX IF NOT EXISTS runs_waiting ON aiworkload_orchestration.runs USING gin (waiting_for) WHERE state = 'Running';
        CREATE TABLE IF NOT EXISTS aiworkload_orchestration.processed (
            dedupe_key text PRIMARY KEY,
            processed_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS aiworkload_orchestration.decisions (
            decision_id text PRIMARY KEY,
            policy text NOT NULL,
            model_id text NULL,
            event_id text NOT NULL,
            triggered boolean NOT NULL,
            reason text NOT NULL,
            run_id text NULL,
            decided_at timestamptz NOT NULL,
            details text NOT NULL);
        CREATE INDEX IF NOT EXISTS decisions_model ON aiworkload_orchestration.decisions (model_id, policy, decided_at DESC);
        CREATE TABLE IF NOT EXISTS aiworkload_orchestration.schedules (
            schedule_key text PRIMARY KEY,
            pipeline text NOT NULL,
            spec text NOT NULL,
            next_fire_at timestamptz NOT NULL,
            tick_message_id text NOT NULL);
        CREATE TABLE IF NOT EXISTS aiworkload_orchestration.outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind text NOT NULL,
            message_type text NOT NULL,
            message_id text NOT NULL,
            payload text NOT NULL,
            run_id text NULL,
            correlation_id text NULL,
            enqueue_at timestamptz NULL,
            created_at timestamptz NOT NULL,
            dispatched_at timestamptz NULL,
            sequence_number bigint NULL,
            destination text NULL,
            cancelled boolean NOT NULL DEFAULT false);
        CREATE INDEX IF NOT EXISTS outbox_pending ON aiworkload_orchestration.outbox (id) WHERE dispatched_at IS NULL;
        CREATE INDEX IF NOT EXISTS outbox_message ON aiworkload_orchestration.outbox (message_id);
        """;
}
