using System.Text.Json;
using AiWorkload.Orchestration.Runs;
using Microsoft.Data.Sqlite;
using static AiWorkload.Orchestration.Store.SqliteCommands;

namespace AiWorkload.Orchestration.Store;

public sealed partial class SqliteRunStore
{
    private const string SummaryColumns = "run_id, pipeline, model_id, trigger, state, created_at, document";

    public Task<PipelineRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        Read(connection => Query(connection, null, "SELECT document, version FROM runs WHERE run_id = $id", [("$id", runId)], ReadRun).FirstOrDefault());

    public Task<Page<RunSummary>> QueryRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        Filter(filters, parameters, "pipeline", query.Pipeline);
        Filter(filters, parameters, "model_id", query.ModelId);
        Filter(filters, parameters, "state", query.State?.ToString());
        var where = filters.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", filters);
        return Read(connection =>
        {
            var total = (long)Scalar(connection, null, $"SELECT COUNT(*) FROM runs {where}", [.. parameters])!;
            var items = Query(connection, null,
                $"SELECT document, version FROM runs {where} ORDER BY created_at DESC, run_id DESC LIMIT $limit OFFSET $offset",
                [.. parameters, ("$limit", query.PageSize), ("$offset", (long)(query.Page - 1) * query.PageSize)],
                r => RunSummary.Of(ReadRun(r)));
            return new Page<RunSummary>(items, query.Page, query.PageSize, total);
        });
    }

    public Task<IReadOnlyList<RunSummary>> GetActiveRunsAsync(string modelId, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<RunSummary>>(connection => Query(connection, null,
            "SELECT document, version FROM runs WHERE model_id = $m AND state IN ('Pending', 'Running') ORDER BY created_at",
            [("$m", modelId)], r => RunSummary.Of(ReadRun(r))));

    public Task<IReadOnlyList<string>> GetRunsWaitingForAsync(string eventType, CancellationToken cancellationToken = default) =>
        Read<IReadOnlyList<string>>(connection => Query(connection, null,
            "SELECT run_id FROM runs WHERE state = 'Running' AND waiting_for LIKE $w ESCAPE '\\' ORDER BY created_at",
            [("$w", "%," + EscapeLike(eventType) + ",%")], r => r.GetString(0)));

    public Task<bool> IsProcessedAsync(string dedupeKey, CancellationToken cancellationToken = default) =>
        Read(connection => Scalar(connection, null, "SELECT 1 FROM processed WHERE dedupe_key = $k", ("$k", dedupeKey)) is not null);

    public Task<PolicyDecision?> GetLastTriggeredDecisionAsync(string modelId, string policy, CancellationToken cancellationToken = default) =>
        Read(connection => Query(connection, null,
            $"SELECT {DecisionColumns} FROM decisions WHERE model_id = $m AND policy = $p AND triggered = 1 ORDER BY decided_at DESC LIMIT 1",
            [("$m", modelId), ("$p", policy)], ReadDecision).FirstOrDefault());

    public Task<Page<PolicyDecision>> QueryDecisionsAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        Filter(filters, parameters, "model_id", query.ModelId);
        Filter(filters, parameters, "policy", query.Policy);
        if (query.Triggered is { } triggered)
        {
            filters.Add("triggered = $triggered");
            parameters.Add(("$triggered", triggered ? 1 : 0));
        }

        var where = filters.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", filters);
        return Read(connection =>
        {
            var total = (long)Scalar(connection, null, $"SELECT COUNT(*) FROM decisions {where}", [.. parameters])!;
            var items = Query(connection, null,
                $"SELECT {DecisionColumns} FROM decisions {where} ORDER BY decided_at DESC, decision_id DESC LIMIT $limit OFFSET $offset",
                [.. parameters, ("$limit", query.PageSize), ("$offset", (long)(query.Page - 1) * query.PageSize)],
                ReadDecision);
            return new Page<PolicyDecision>(items, query.Page, query.PageSize, total);
        });
    }

    public Task<ScheduleState?> GetScheduleAsync(string key, CancellationToken cancellationToken = default) =>
        Read(connection => Query(connection, null,
            "SELECT schedule_key, pipeline, spec, next_fire_at, tick_message_id FROM schedules WHERE schedule_key = $k", [("$k", key)],
            r => new ScheduleState(r.GetString(0), r.GetString(1), r.GetString(2), Time(r.GetInt64(3)), r.GetString(4))).FirstOrDefault());

    private const string DecisionColumns = "decision_id, policy, model_id, event_id, triggered, reason, run_id, decided_at, details";

    private static PolicyDecision ReadDecision(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetInt64(4) == 1, r.GetString(5), Time(r.GetInt64(7)))
        {
            RunId = NullableString(r, 6),
            Details = JsonSerializer.Deserialize(r.GetString(8), OrchestrationJsonContext.Default.IReadOnlyDictionaryStringString)!,
        };

    private static PipelineRun ReadRun(SqliteDataReader r)
    {
        var run = JsonSerializer.Deserialize(r.GetString(0), OrchestrationJsonContext.Default.PipelineRun)!;
        run.Version = r.GetInt64(1);
        return run;
    }

    private static void Filter(List<string> filters, List<(string, object?)> parameters, string column, string? value)
    {
        if (value is not null)
        {
            filters.Add($"{column} = ${column}");
            parameters.Add(($"${column}", value));
        }
    }

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
