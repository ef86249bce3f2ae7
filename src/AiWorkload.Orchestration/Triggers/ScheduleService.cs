using System.Globalization;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Messages;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Scheduling;
using AiWorkload.Orchestration.Store;

namespace AiWorkload.Orchestration.Triggers;

/// <summary>
/// Schedule triggers on durable scheduled messages. Each trigger has at most one pending tick, recorded in the store;
/// handling a tick launches the run and schedules the next tick in one transaction. On start-up, a trigger with no tick
/// (new, or edited) gets one, and a tick overdue past <see cref="Grace"/> (its message lost with the bus's data) is sent
/// again under the same MessageId: if the original still exists, duplicate detection or the tick's dedupe key drops one.
/// </summary>
internal sealed class ScheduleService(PipelineRegistry pipelines, RunCoordinator coordinator, IRunStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    // Start-up and tick handling both rewrite a schedule's state; in one process they take turns.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IEnumerable<ScheduleEntry> Entries => pipelines.All.SelectMany(p => p.Triggers
        .Select((trigger, index) => (trigger, index))
        .Where(t => t.trigger.Kind == TriggerKind.Schedule)
        .Select(t => new ScheduleEntry($"{p.Name}#{t.index}", p, t.trigger, t.trigger.Cron is { } cron ? ScheduleSpec.Cron(cron, ScheduleTimeZones.Find(t.trigger.TimeZone)) : ScheduleSpec.Every(t.trigger.Every!.Value))));

    public async Task EnsureScheduledAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in Entries)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                await EnsureAsync(entry, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    public async Task OnTickAsync(ScheduleTick tick, string messageId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await coordinator.ExecuteAsync($"tick:{messageId}", async (work, token) =>
            {
                var state = await store.GetScheduleAsync(tick.ScheduleKey, token);
                if (Entries.FirstOrDefault(e => e.Key == tick.ScheduleKey) is not { } entry || state is null
                    || state.Spec != entry.Spec.Text || state.TickMessageId != messageId)
                {
                    return; // a tick of a schedule since edited or removed
                }

                var runId = $"{entry.Pipeline.Name}-{tick.FireAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
                if (entry.Key != $"{entry.Pipeline.Name}#0")
                {
                    runId += "-" + entry.Key[(entry.Key.IndexOf('#', StringComparison.Ordinal) + 1)..];
                }

                RunFactory.Launch(work, entry.Pipeline, runId, "schedule", entry.Trigger.ModelId, entry.Trigger.Parameters);
                var after = tick.FireAt > work.Now ? tick.FireAt : work.Now;
                if (entry.Spec.Next(after) is { } next)
                {
                    Schedule(work, entry, next, next);
                }
            }, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task EnsureAsync(ScheduleEntry entry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = await store.GetScheduleAsync(entry.Key, cancellationToken);
        var sameSpec = state?.Spec == entry.Spec.Text;
        if (sameSpec && state!.NextFireAt + Grace > now)
        {
            return; // its tick is pending in the bus
        }

        var fireAt = sameSpec ? state!.NextFireAt : entry.Spec.Next(now);
        if (fireAt is null)
        {
            return;
        }

        await coordinator.ExecuteAsync($"schedule:{entry.Key}:{entry.Spec.Text}:{fireAt.Value.UtcTicks}:{now.UtcTicks}", (work, _) =>
        {
            if (state is not null && !sameSpec)
            {
                work.CancelScheduled<ScheduleTick>(state.TickMessageId, null);
            }

            Schedule(work, entry, fireAt.Value, fireAt.Value > now ? fireAt.Value : now);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    private static void Schedule(RunWork work, ScheduleEntry entry, DateTimeOffset fireAt, DateTimeOffset enqueueAt)
    {
        var tickId = TickId(entry.Key, fireAt);
        work.Schedule(new ScheduleTick(entry.Key, entry.Pipeline.Name, entry.Spec.Text, fireAt), tickId, enqueueAt, null);
        work.SaveSchedule(new ScheduleState(entry.Key, entry.Pipeline.Name, entry.Spec.Text, fireAt, tickId));
    }

    public static string TickId(string key, DateTimeOffset fireAt) => StableIds.Limit($"schedule:{key}:{fireAt.UtcTicks}");
}
