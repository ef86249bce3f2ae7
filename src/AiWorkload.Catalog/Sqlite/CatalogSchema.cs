namespace AiWorkload.Catalog.Sqlite;

internal static class CatalogSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS datasets (
            dataset_id TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            total_rows INTEGER NOT NULL,
            data_version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS dataset_rows (
            dataset_id TEXT NOT NULL,
            row_number INTEGER NOT NULL,
            data_version INTEGER NOT NULL,
            features BLOB NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (dataset_id, row_number)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dataset_batches (
            dataset_id TEXT NOT NULL,
            batch_id TEXT NOT NULL,
            rows_added INTEGER NOT NULL,
            total_rows INTEGER NOT NULL,
            data_version INTEGER NOT NULL,
            PRIMARY KEY (dataset_id, batch_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS models (
            model_id TEXT PRIMARY KEY,
            definition TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS model_versions (
            model_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            job_id TEXT NOT NULL,
            trainer TEXT NOT NULL,
            data_version INTEGER NOT NULL,
            metrics TEXT NOT NULL,
            artifact_key TEXT NOT NULL,
            trained_at INTEGER NOT NULL,
            training_seconds REAL NOT NULL,
            status INTEGER NOT NULL,
            decision TEXT NULL,
            PRIMARY KEY (model_id, version),
            UNIQUE (model_id, job_id));
        CREATE TABLE IF NOT EXISTS outbox (
            entry_id TEXT PRIMARY KEY,
            message_type TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            sent_at INTEGER NULL);
        CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (sent_at, created_at);
        CREATE TABLE IF NOT EXISTS idempotency (
            idempotency_key TEXT PRIMARY KEY,
            request_hash TEXT NOT NULL,
            status_code INTEGER NOT NULL,
            location TEXT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        """;
}
