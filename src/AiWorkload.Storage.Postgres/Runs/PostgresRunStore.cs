using System.Data;
using System.Text.Json;
using AiWorkload.Orchestration;
using AiWorkload.Orchestration.Store;
using Npgsql;
using static AiWorkload.Storage.Postgres.Runs.PostgresCommands;

namespace AiWorkload.Storage.Postgres.Runs;

/// <summary>
/// The run store in a PostgreSQL database that every orchestrator replica shares, with the SQLite store's semantics. No
/// process-local lock serialises commits here, so the database does: the dedupe key's primary key lets one of two
/// concurrent commits of a message win, version checks make a stale write conflict, and the partial unique index keeps
/// single-flight. Every race a replica can lose ends in <see cref="CommitResult.Duplicate"/> or
/// <see cref="CommitResult.Conflict"/>, which the coordinator answers by reading again. The schema is created on first use.
/// </summary>
public sealed partial class PostgresRunStore(NpgsqlDataSource dataSource) : IRunStore
{
    private readonly SchemaGate _schema = new(() => CreateSchemaAsync(dataSource));

    public async Task<CommitOutcome> CommitAsync(RunChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await EnsureSchemaAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Read committed is what the checks below are written for: a statement that meets a concurrent writer's row waits
        // for that transaction, then judges the row as committed instead of failing as a snapshot would.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        var ids = new List<long>(changes.Outbox.Count);
        try
        {
            // A concurrent commit of the same key makes this wait for it: nothing is inserted once that one commits, the key
            // is once it rolls back. Either way one commit per key, as SQLite's check-then-insert under its write lock.
            var recorded = await Command(transaction, """
                INSERT INTO aiworkload_orchestration.processed (dedupe_key, processed_at) VALUES (@k, @t) ON CONFLICT (dedupe_key) DO NOTHING
                """, ("k", changes.DedupeKey), ("t", changes.At)).ExecuteAsync(cancellationToken);
            if (recorded == 0)
            {
                return CommitOutcome.Duplicate;
            }

            try
            {
                foreach (var write in changes.Runs)
                {
                    if (!await WriteRunAsync(transaction, write, changes.At, cancellationToken))
                    {
                        return CommitOutcome.Conflict;
                    }
                }
            }
            catch (PostgresException error) when (error.SqlState.StartsWith("23", StringComparison.Ordinal))
            {
                // Integrity constraints, as SQLite's SQLITE_CONSTRAINT: a run inserted concurrently, or a second active run
                // for a flight key. The caller reads again and decides again.
                return CommitOutcome.Conflict;
            }

            foreach (var decision in changes.Decisions)
            {
                await InsertDecisionAsync(transaction, decision, cancellationToken);
            }

            foreach (var schedule in changes.Schedules)
            {
                await Command(transaction, """
                    INSERT INTO aiworkload_orchestration.schedules (schedule_key, pipeline, spec, next_fire_at, tick_message_id) VALUES (@k, @p, @s, @n, @m)
                    ON CONFLICT (schedule_key) DO UPDATE SET pipeline = excluded.pipeline, spec = excluded.spec,
                        next_fire_at = excluded.next_fire_at, tick_message_id = excluded.tick_message_id
                    """,
                    ("k", schedule.Key), ("p", schedule.Pipeline), ("s", schedule.Spec), ("n", schedule.NextFireAt), ("m", schedule.TickMessageId))
                    .ExecuteAsync(cancellationToken);
            }

            foreach (var entry in changes.Outbox)
            {
                ids.Add(await InsertOutboxAsync(transaction, entry, changes.At, cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected)
        {
            // Two commits locking the same runs in opposite orders, or a server defaulting to a stricter isolation level:
            // nothing was written, and recomputing from fresh reads is the answer, as for any other conflict.
            return CommitOutcome.Conflict;
        }

        foreach (var write in changes.Runs)
        {
            write.Run.Version = (write.ExpectedVersion ?? 0) + 1;
        }

        return new CommitOutcome(CommitResult.Committed, ids);
    }

    private static async Task<bool> WriteRunAsync(NpgsqlTransaction transaction, RunWrite write, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var run = write.Run;
        var version = (write.ExpectedVersion ?? 0) + 1;
        var previous = run.Version;
        run.Version = version;
        var document = JsonSerializer.Serialize(run, OrchestrationJsonContext.Default.PipelineRun);
        run.Version = previous;
        var waiting = run.UncorrelatedWaits().ToArray();
        (string, object?)[] values =
        [
            ("id", run.RunId), ("p", run.Pipeline), ("m", run.ModelId), ("tr", run.Trigger), ("s", run.State.ToString()),
            ("c", run.CreatedAt), ("u", at), ("v", version), ("f", run.FlightKey),
            ("w", waiting.Length == 0 ? null : waiting), ("d", document), ("ev", write.ExpectedVersion),
        ];
        if (write.ExpectedVersion is null)
        {
            await Command(transaction, """
                INSERT INTO aiworkload_orchestration.runs (run_id, pipeline, model_id, trigger, state, created_at, updated_at, version, flight_key, waiting_for, document)
                VALUES (@id, @p, @m, @tr, @s, @c, @u, @v, @f, @w, @d)
                """, values).ExecuteAsync(cancellationToken);
            return true;
        }

        // A concurrent writer's uncommitted update of the run makes this wait; once that one commits, the version no longer matches.
        return await Command(transaction, """
            UPDATE aiworkload_orchestration.runs SET state = @s, updated_at = @u, version = @v, flight_key = @f, waiting_for = @w, document = @d
            WHERE run_id = @id AND version = @ev
            """, values).ExecuteAsync(cancellationToken) == 1;
    }

    private static Task<int> InsertDecisionAsync(NpgsqlTransaction transaction, PolicyDecision decision, CancellationToken cancellationToken) =>
        Command(transaction, """
            INSERT INTO aiworkload_orchestration.decisions (decision_id, policy, model_id, event_id, triggered, reason, run_id, decided_at, details)
            VALUES (@id, @p, @m, @e, @t, @r, @run, @at, @d) ON CONFLICT (decision_id) DO NOTHING
            """,
            ("id", decision.DecisionId), ("p", decision.Policy), ("m", decision.ModelId), ("e", decision.EventId), ("t", decision.Triggered),
            ("r", decision.Reason), ("run", decision.RunId), ("at", decision.DecidedAt),
            ("d", JsonSerializer.Serialize(decision.Details, OrchestrationJsonContext.Default.IReadOnlyDictionaryStringString)))
            .ExecuteAsync(cancellationToken);

    private static async Task<long> InsertOutboxAsync(NpgsqlTransaction transaction, OutboxEntry entry, DateTimeOffset at, CancellationToken cancellationToken) =>
        (long)(await Command(transaction, """
            INSERT INTO aiworkload_orchestration.outbox (kind, message_type, message_id, payload, run_id, correlation_id, enqueue_at, created_at)
            VALUES (@k, @t, @m, @p, @r, @c, @e, @at) RETURNING id
            """,
            ("k", entry.Kind.ToString()), ("t", entry.MessageType), ("m", entry.MessageId), ("p", entry.Payload), ("r", entry.RunId),
            ("c", entry.CorrelationId), ("e", entry.EnqueueAt), ("at", at)).ScalarAsync(cancellationToken))!;

    private Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    private static async Task CreateSchemaAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Command(transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", PostgresRunStoreSchema.LockKey)).ExecuteAsync(CancellationToken.None);
        await Command(transaction, PostgresRunStoreSchema.Create).ExecuteAsync(CancellationToken.None);
        await transaction.CommitAsync();
    }
}
