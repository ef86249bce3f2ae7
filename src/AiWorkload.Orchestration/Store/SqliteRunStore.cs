using System.Text.Json;
using AiWorkload.Orchestration.Runs;
using Microsoft.Data.Sqlite;
using static AiWorkload.Orchestration.Store.SqliteCommands;

namespace AiWorkload.Orchestration.Store;

/// <summary>
/// The run store in one SQLite file (WAL, synchronous=FULL: a commit that returned is on disk). Commits are serialised
/// in-process, so they never meet SQLITE_BUSY; version checks still make every commit an optimistic one, which is what
/// keeps the contract honest for a store shared between processes.
/// </summary>
public sealed partial class SqliteRunStore : IRunStore, IDisposable
{
    public const string FileName = "orchestration.db";

    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteRunStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, FileName), Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode=WAL;" + RunStoreSchema.Create);
    }

    public async Task<CommitOutcome> CommitAsync(RunChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            if (Scalar(connection, transaction, "SELECT 1 FROM processed WHERE dedupe_key = $k", ("$k", changes.DedupeKey)) is not null)
            {
                return CommitOutcome.Duplicate;
            }

            Execute(connection, transaction, "INSERT INTO processed (dedupe_key, processed_at) VALUES ($k, $t)", ("$k", changes.DedupeKey), ("$t", changes.At.UtcTicks));
            try
            {
                foreach (var write in changes.Runs)
                {
                    if (!WriteRun(connection, transaction, write, changes.At))
                    {
                        return CommitOutcome.Conflict;
                    }
                }
            }
            catch (SqliteException error) when (error.SqliteErrorCode == SqliteConstraint)
            {
                // A run inserted concurrently, or a second active run for a flight key: the caller re-reads and decides again.
                return CommitOutcome.Conflict;
            }

            foreach (var decision in changes.Decisions)
            {
                InsertDecision(connection, transaction, decision);
            }

            foreach (var schedule in changes.Schedules)
            {
                Execute(connection, transaction, """
                    INSERT INTO schedules (schedule_key, pipeline, spec, next_fire_at, tick_message_id) VALUES ($k, $p, $s, $n, $m)
                    ON CONFLICT (schedule_key) DO UPDATE SET pipeline = $p, spec = $s, next_fire_at = $n, tick_message_id = $m
                    """,
                    ("$k", schedule.Key), ("$p", schedule.Pipeline), ("$s", schedule.Spec), ("$n", schedule.NextFireAt.UtcTicks), ("$m", schedule.TickMessageId));
            }

            var ids = changes.Outbox.Select(entry => InsertOutbox(connection, transaction, entry, changes.At)).ToList();
            transaction.Commit();
            foreach (var write in changes.Runs)
            {
                write.Run.Version = (write.ExpectedVersion ?? 0) + 1;
            }

            return new CommitOutcome(CommitResult.Committed, ids);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    private static bool WriteRun(SqliteConnection connection, SqliteTransaction transaction, RunWrite write, DateTimeOffset at)
    {
        var run = write.Run;
        var version = (write.ExpectedVersion ?? 0) + 1;
        var previous = run.Version;
        run.Version = version;
        var document = JsonSerializer.Serialize(run, OrchestrationJsonContext.Default.PipelineRun);
        run.Version = previous;
        var waiting = string.Concat(run.UncorrelatedWaits().Select(t => "," + t));
        (string, object?)[] values =
        [
            ("$id", run.RunId), ("$p", run.Pipeline), ("$m", run.ModelId), ("$tr", run.Trigger), ("$s", run.State.ToString()),
            ("$c", run.CreatedAt.UtcTicks), ("$u", at.UtcTicks), ("$v", version), ("$f", run.FlightKey),
            ("$w", waiting.Length == 0 ? null : waiting + ","), ("$d", document), ("$ev", write.ExpectedVersion),
        ];
        if (write.ExpectedVersion is null)
        {
            Execute(connection, transaction, """
                INSERT INTO runs (run_id, pipeline, model_id, trigger, state, created_at, updated_at, version, flight_key, waiting_for, document)
                VALUES ($id, $p, $m, $tr, $s, $c, $u, $v, $f, $w, $d)
                """, values);
            return true;
        }

        return Execute(connection, transaction, """
            UPDATE runs SET state = $s, updated_at = $u, version = $v, flight_key = $f, waiting_for = $w, document = $d
            WHERE run_id = $id AND version = $ev
            """, values) == 1;
    }

    private static void InsertDecision(SqliteConnection connection, SqliteTransaction transaction, PolicyDecision decision) =>
        Execute(connection, transaction, """
            INSERT OR IGNORE INTO decisions (decision_id, policy, model_id, event_id, triggered, reason, run_id, decided_at, details)
            VALUES ($id, $p, $m, $e, $t, $r, $run, $at, $d)
            """,
            ("$id", decision.DecisionId), ("$p", decision.Policy), ("$m", decision.ModelId), ("$e", decision.EventId), ("$t", decision.Triggered ? 1 : 0),
            ("$r", decision.Reason), ("$run", decision.RunId), ("$at", decision.DecidedAt.UtcTicks),
            ("$d", JsonSerializer.Serialize(decision.Details, OrchestrationJsonContext.Default.IReadOnlyDictionaryStringString)));

    private static long InsertOutbox(SqliteConnection connection, SqliteTransaction transaction, OutboxEntry entry, DateTimeOffset at) =>
        (long)Scalar(connection, transaction, """
            INSERT INTO outbox (kind, message_type, message_id, payload, run_id, correlation_id, enqueue_at, created_at)
            VALUES ($k, $t, $m, $p, $r, $c, $e, $at) RETURNING id
            """,
            ("$k", entry.Kind.ToString()), ("$t", entry.MessageType), ("$m", entry.MessageId), ("$p", entry.Payload), ("$r", entry.RunId),
            ("$c", entry.CorrelationId), ("$e", entry.EnqueueAt?.UtcTicks), ("$at", at.UtcTicks))!;

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    private Task<T> Read<T>(Func<SqliteConnection, T> query)
    {
        using var connection = Open();
        return Task.FromResult(query(connection));
    }
}
