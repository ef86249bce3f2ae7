using System.Text.Json;
using AiWorkload.Orchestration;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;
using Npgsql;
using static AiWorkload.Storage.Postgres.Runs.PostgresCommands;

namespace AiWorkload.Storage.Postgres.Runs;

public sealed partial class PostgresRunStore
{
    private const string DecisionColumns = "decision_id, policy, model_id, event_id, triggered, reason, run_id, decided_at, details";

    public async Task<PipelineRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return (await Command(dataSource, "SELECT document, version FROM aiworkload_orchestration.runs WHERE run_id = @id", ("id", runId))
            .ListAsync(ReadRun, cancellationToken)).FirstOrDefault();
    }

    public async Task<Page<RunSummary>> QueryRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        Filter(filters, parameters, "pipeline", query.Pipeline);
        Filter(filters, parameters, "model_id", query.ModelId);
        Filter(filters, parameters, "state", query.State?.ToString());
        var where = filters.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", filters);
        await EnsureSchemaAsync(cancellationToken);
        var total = (long)(await Command(dataSource, $"SELECT COUNT(*) FROM aiworkload_orchestration.runs {where}", [.. parameters]).ScalarAsync(cancellationToken))!;
        var items = await Command(dataSource,
            $"SELECT document, version FROM aiworkload_orchestration.runs {where} ORDER BY created_at DESC, run_id DESC LIMIT @limit OFFSET @offset",
            [.. parameters, ("limit", query.PageSize), ("offset", (long)(query.Page - 1) * query.PageSize)])
            .ListAsync(r => RunSummary.Of(ReadRun(r)), cancellationToken);
        return new Page<RunSummary>(items, query.Page, query.PageSize, total);
    }

    public async Task<IReadOnlyList<RunSummary>> GetActiveRunsAsync(string modelId, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        // run_id only settles ties, which SQLite leaves in no particular order either.
        return await Command(dataSource,
            "SELECT document, version FROM aiworkload_orchestration.runs WHERE model_id = @m AND state IN ('Pending', 'Running') ORDER BY created_at, run_id",
            ("m", modelId)).ListAsync(r => RunSummary.Of(ReadRun(r)), cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetRunsWaitingForAsync(string eventType, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        // The waited-for types are an array here rather than SQLite's ",a,b," text, so containment is an exact (ordinal)
        // match, as the engine's matcher is, and the partial GIN index answers it.
        return await Command(dataSource,
            "SELECT run_id FROM aiworkload_orchestration.runs WHERE state = 'Running' AND waiting_for @> ARRAY[@w]::text[] ORDER BY created_at, run_id",
            ("w", eventType)).ListAsync(r => r.GetString(0), cancellationToken);
    }

    public async Task<bool> IsProcessedAsync(string dedupeKey, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await Command(dataSource, "SELECT 1 FROM aiworkload_orchestration.processed WHERE dedupe_key = @k", ("k", dedupeKey))
            .ScalarAsync(cancellationToken) is not null;
    }

    public async Task<PolicyDecision?> GetLastTriggeredDecisionAsync(string modelId, string policy, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return (await Command(dataSource,
            $"SELECT {DecisionColumns} FROM aiworkload_orchestration.decisions WHERE model_id = @m AND policy = @p AND triggered ORDER BY decided_at DESC, decision_id DESC LIMIT 1",
            ("m", modelId), ("p", policy)).ListAsync(ReadDecision, cancellationToken)).FirstOrDefault();
    }

    public async Task<Page<PolicyDecision>> QueryDecisionsAsync(DecisionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        Filter(filters, parameters, "model_id", query.ModelId);
        Filter(filters, parameters, "policy", query.Policy);
        if (query.Triggered is { } triggered)
        {
            filters.Add("triggered = @triggered");
            parameters.Add(("triggered", triggered));
        }

        var where = filters.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", filters);
        await EnsureSchemaAsync(cancellationToken);
        var total = (long)(await Command(dataSource, $"SELECT COUNT(*) FROM aiworkload_orchestration.decisions {where}", [.. parameters]).ScalarAsync(cancellationToken))!;
        var items = await Command(dataSource,
            $"SELECT {DecisionColumns} FROM aiworkload_orchestration.decisions {where} ORDER BY decided_at DESC, decision_id DESC LIMIT @limit OFFSET @offset",
            [.. parameters, ("limit", query.PageSize), ("offset", (long)(query.Page - 1) * query.PageSize)])
            .ListAsync(ReadDecision, cancellationToken);
        return new Page<PolicyDecision>(items, query.Page, query.PageSize, total);
    }

    public async Task<ScheduleState?> GetScheduleAsync(string key, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        return (await Command(dataSource,
            "SELECT schedule_key, pipeline, spec, next_fire_at, tick_message_id FROM aiworkload_orchestration.schedules WHERE schedule_key = @k", ("k", key))
            .ListAsync(r => new ScheduleState(r.GetString(0), r.GetString(1), r.GetString(2), Time(r, 3), r.GetString(4)), cancellationToken)).FirstOrDefault();
    }

    private static PolicyDecision ReadDecision(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetBoolean(4), r.GetString(5), Time(r, 7))
        {
            RunId = NullableString(r, 6),
            Details = JsonSerializer.Deserialize(r.GetString(8), OrchestrationJsonContext.Default.IReadOnlyDictionaryStringString)!,
        };

    private static PipelineRun ReadRun(NpgsqlDataReader r)
    {
        var run = JsonSerializer.Deserialize(r.GetString(0), OrchestrationJsonContext.Default.PipelineRun)!;
        run.Version = r.GetInt64(1);
        return run;
    }

    /// <summary>Column names are the constants above, never input; values travel as parameters.</summary>
    private static void Filter(List<string> filters, List<(string, object?)> parameters, string column, string? value)
    {
        if (value is not null)
        {
            filters.Add($"{column} = @{column}");
            parameters.Add((column, value));
        }
    }
}
