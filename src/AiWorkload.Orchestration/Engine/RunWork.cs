using System.Text.Json;
using AiWorkload.Orchestration.Outbox;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Engine;

/// <summary>
/// The unit of work for one message: the runs it read (with the version and document they had), the runs it created,
/// and the outbox entries, decisions and schedules it produced. Nothing leaves it until the store commits it whole.
/// </summary>
internal sealed class RunWork(IRunStore store, OutboxMessageTypes types, DateTimeOffset now)
{
    private readonly Dictionary<string, (PipelineRun Run, long? Version, string? Snapshot)> _runs = new(StringComparer.Ordinal);
    private readonly List<OutboxEntry> _outbox = [];
    private readonly List<PolicyDecision> _decisions = [];
    private readonly List<ScheduleState> _schedules = [];

    public DateTimeOffset Now { get; } = now;

    public IRunStore Store => store;

    public IEnumerable<PipelineRun> NewRuns => _runs.Values.Where(r => r.Version is null).Select(r => r.Run);

    public IReadOnlyList<PolicyDecision> Decisions => _decisions;

    public async Task<PipelineRun?> LoadRunAsync(string runId, CancellationToken cancellationToken)
    {
        if (_runs.TryGetValue(runId, out var tracked))
        {
            return tracked.Run;
        }

        var run = await store.GetRunAsync(runId, cancellationToken);
        if (run is not null)
        {
            _runs[runId] = (run, run.Version, Serialize(run));
        }

        return run;
    }

    public void AddRun(PipelineRun run) => _runs.Add(run.RunId, (run, null, null));

    public void Send<T>(T message, string messageId, string? correlationId)
        where T : class =>
        Add(OutboxKind.Send, message, messageId, correlationId, null);

    public void Publish<T>(T message, string messageId, string? correlationId)
        where T : class =>
        Add(OutboxKind.Publish, message, messageId, correlationId, null);

    public void Schedule<T>(T message, string messageId, DateTimeOffset at, string? correlationId)
        where T : class =>
        Add(OutboxKind.Schedule, message, messageId, correlationId, at);

    public void CancelScheduled<T>(string messageId, string? correlationId)
        where T : class =>
        _outbox.Add(new OutboxEntry(OutboxKind.CancelScheduled, types.Get(typeof(T)).Name, messageId, string.Empty) { CorrelationId = correlationId, RunId = correlationId });

    public void AddDecision(PolicyDecision decision) => _decisions.Add(decision);

    public void SaveSchedule(ScheduleState schedule) => _schedules.Add(schedule);

    /// <summary>Runs whose document changed since they were read, plus the new ones.</summary>
    public IReadOnlyList<RunWrite> ChangedRuns() =>
        [.. _runs.Values.Where(r => r.Version is null || Serialize(r.Run) != r.Snapshot).Select(r => new RunWrite(r.Run, r.Version))];

    public RunChangeSet? ToChangeSet(string dedupeKey)
    {
        var runs = ChangedRuns();
        return runs.Count + _outbox.Count + _decisions.Count + _schedules.Count == 0
            ? null
            : new RunChangeSet(dedupeKey, Now) { Runs = runs, Outbox = _outbox, Decisions = _decisions, Schedules = _schedules };
    }

    private void Add<T>(OutboxKind kind, T message, string messageId, string? correlationId, DateTimeOffset? at)
        where T : class
    {
        var type = types.Get(typeof(T));
        _outbox.Add(new OutboxEntry(kind, type.Name, StableIds.Limit(messageId), type.Serialize(message))
        {
            CorrelationId = correlationId,
            RunId = correlationId,
            EnqueueAt = at,
        });
    }

    private static string Serialize(PipelineRun run) => JsonSerializer.Serialize(run, OrchestrationJsonContext.Default.PipelineRun);
}
