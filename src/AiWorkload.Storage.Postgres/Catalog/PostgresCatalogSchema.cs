using System.Data;
using Npgsql;

namespace AiWorkload.Storage.Postgres.Catalog;

/// <summary>
/// The catalog's tables, all in the schema <c>aiworkload_catalog</c> so they share a database with the run store without
/// meeting its tables. Text keys use the "C" collation: lists then sort by code point whatever the database's locale,
/// as the SQLite catalog's BINARY collation does.
/// </summary>
internal static class PostgresCatalogSchema
{
    /// <summary>
    /// The advisory lock every process takes while creating the schema. CREATE ... IF NOT EXISTS is not safe against a
    /// concurrent CREATE of the same object (one of them fails on a unique catalog index), so services starting together
    /// take turns. The value is arbitrary ("AIWCATLG" in ASCII) but must never change.
    /// </summary>
    public const long CreationLockKey = 0x4149_5743_4154_4C47;

    private const string Create = """
        CREATE SCHEMA IF NOT EXISTS aiworkload_catalog;
        CREATE TABLE IF NOT EXISTS aiworkload_catalog.datasets (
            dataset_id text COLLATE "C" PRIMARY KEY,
            definition text NOT NULL,
            total_rows bigint NOT NULL,
            data_version bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS aiworkload_catalog.dataset_rows (
            dataset_id text COLLATE "C" NOT NULL,
            row_number bigint NOT NULL,
            data_version bigint NOT NULL,
            features bytea NOT NULL,
            label text NOT NULL,
            PRIMARY KEY (dataset_id, row_number));
        CREATE TABLE IF NOT EXISTS aiworkload_catalog.dataset_batches (
            dataset_id text COLLATE "C" NOT NULL,
            batch_id text COLLATE "C" NOT NULL,
            rows_added integer NOT NULL,
            total_rows bigint NOT NULL,
            data_version bigint NOT NULL,
            PRIMARY KEY (dataset_id, batch_id),
            UNIQUE (dataset_id, data_version));
        CREATE TABLE IF NOT EXISTS aiworkload_catalog.models (
            model_id text COLLATE "C" PRIMARY KEY,
            definition text NOT NULL);
        CREATE TABLE IF NOT EXISTS aiworkload_catalog.model_versions (
            model_id text COLLATE "C" NOT NULL,
            version integer NOT NULL,
            job_id text COLLATE "C" NOT NULL,
            trainer text NOT NULL,
            data_version bigint NOT NULL,
            metrics text NOT NULL,
            artifact_key text NOT NULL,
            trained_at timestamptz NOT NULL,
            training_seconds double precision NOT NULL,
            status integer NOT NULL,
            decision text NULL,
            PRIMARY KEY (model_id, version),
            UNIQUE (model_id, job_id));
        -- At most one promoted version per model (status 1 is VersionStatus.Promoted), whatever a writer gets wrong.
        CREATE UNIQUE INDEX IF NOT EXISTS model_versions_one_promoted ON aiworkload_catalog.model_versions (model_id) WHERE status = 1;
        CREATE TABLE IF NOT EXISTS aiworkload_catalog.outbox (
            entry_id text COLLATE "C" PRIMARY KEY,
            message_type text NOT NULL,
            payload text NOT NULL,
            created_at timestamptz NOT NULL,
            sent_at timestamptz NULL);
        CREATE INDEX IF NOT EXISTS outbox_pending ON aiworkload_catalog.outbox (created_at, entry_id) WHERE sent_at IS NULL;
        CREATE TABLE IF NOT EXISTS aiworkload_catalog.idempotency (
            idempotency_key text COLLATE "C" PRIMARY KEY,
            request_hash text NOT NULL,
            status_code integer NOT NULL,
            location text NULL,
            body text NOT NULL,
            created_at timestamptz NOT NULL);
        """;

    public static async Task CreateAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", CreationLockKey);
            await command.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(Create, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
