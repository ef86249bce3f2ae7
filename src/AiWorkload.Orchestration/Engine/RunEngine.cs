using AiWorkload.Contracts.Events;
using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Messages;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Triggers;

namespace AiWorkload.Orchestration.Engine;

/// <summary>
/// The run state machine. Each entry point applies one input (start, event, timer, cancel) to a run inside a
/// <see cref="RunWork"/>, then advances the DAG as far as it can go without waiting: ready activities start, finished
/// ForEach loops close, and the run ends when an activity fails for good or all succeed. It reads no clock and sends
/// nothing itself: time comes from the unit of work and every effect goes to its outbox.
/// </summary>
internal sealed partial class RunEngine(ActivityRegistry activities)
{
    /// <summary>Records a new run's Pending state on the bus.</summary>
    public static void Created(PipelineRun run, RunWork work) => PublishState(run, null, work);

    public async Task StartAsync(PipelineRun run, RunWork work, CancellationToken cancellationToken)
    {
        if (run.State != RunState.Pending)
        {
            return;
        }

        if (run.Definition is null)
        {
            SetState(run, RunState.Failed, run.Error, work);
            return;
        }

        run.StartedAt = work.Now;
        SetState(run, RunState.Running, null, work);
        await AdvanceAsync(run, work, cancellationToken);
    }

    /// <summary>
    /// Keeps a correlated event in the run's inbox and hands it to the first activity waiting for it. An event nobody
    /// waits for yet stays in the inbox for the activity that will (out-of-order arrival); one already kept is ignored.
    /// </summary>
    public async Task OnEventAsync(PipelineRun run, RunEvent received, RunWork work, CancellationToken cancellationToken)
    {
        if (run.IsTerminal || run.Inbox.Any(e => e.MessageId == received.MessageId))
        {
            return;
        }

        var waiting = run.State != RunState.Running ? null : run.Activities.FirstOrDefault(a =>
            a.Status == ActivityStatus.Waiting && a.Wait is { } wait && EventWaitMatcher.Matches(wait, received, run.RunId));
        if (waiting is null && received.CorrelationId != run.RunId)
        {
            return;
        }

        run.Inbox.Add(received);
        if (waiting is not null)
        {
            await DeliverAsync(run, waiting, received, work, cancellationToken);
            await AdvanceAsync(run, work, cancellationToken);
        }
    }

    /// <summary>A timeout or retry timer. One for an attempt that already moved on is late and changes nothing.</summary>
    public async Task OnTimerAsync(PipelineRun run, RunTimer timer, RunWork work, CancellationToken cancellationToken)
    {
        if (run.State != RunState.Running || run.FindActivity(timer.Activity) is not { } activity || activity.Attempt != timer.Attempt)
        {
            return;
        }

        if (timer.Kind == TimerKind.Timeout && activity.Status.IsInFlight() && activity.TimeoutTimerId == timer.TimerId)
        {
            activity.TimeoutTimerId = null; // it fired: nothing left to cancel
            var limit = DefinitionOf(run, activity).Timeout;
            FailAttempt(run, activity, $"attempt {activity.Attempt} timed out after {limit}", retryable: true, timedOut: true, work);
        }
        else if (timer.Kind == TimerKind.Retry && activity.Status == ActivityStatus.Retrying && activity.RetryTimerId == timer.TimerId)
        {
            activity.RetryTimerId = null;
            await StartAttemptAsync(run, activity, work, cancellationToken);
        }
        else
        {
            return;
        }

        await AdvanceAsync(run, work, cancellationToken);
    }

    /// <summary>Stops every unfinished activity (cancelling their timers) and ends the run Cancelled. False if it had ended.</summary>
    public static bool Cancel(PipelineRun run, string reason, RunWork work)
    {
        if (run.IsTerminal)
        {
            return false;
        }

        foreach (var activity in run.Activities.Where(a => !a.Status.IsTerminal()))
        {
            Stop(run, activity, ActivityStatus.Cancelled, reason, work);
        }

        SetState(run, RunState.Cancelled, reason, work);
        return true;
    }

    private async Task AdvanceAsync(PipelineRun run, RunWork work, CancellationToken cancellationToken)
    {
        var definition = run.Definition!;
        var progressed = true;
        while (progressed && run.State == RunState.Running)
        {
            progressed = false;
            foreach (var step in definition.Activities)
            {
                var activity = run.FindActivity(step.Name)!;
                if (activity.Status == ActivityStatus.Pending && step.DependsOn.All(d => run.FindActivity(d)!.Status == ActivityStatus.Succeeded))
                {
                    await StartActivityAsync(run, activity, work, cancellationToken);
                    progressed = true;
                }

                if (step.ForEach is not null && activity.Status == ActivityStatus.Running)
                {
                    progressed |= await PumpForEachAsync(run, activity, step.ForEach, work, cancellationToken);
                }
            }

            var top = definition.Activities.Select(a => run.FindActivity(a.Name)!).ToList();
            if (top.FirstOrDefault(a => a.Status is ActivityStatus.Failed or ActivityStatus.TimedOut) is { } failed)
            {
                EndFailed(run, failed, work);
            }
            else if (top.All(a => a.Status == ActivityStatus.Succeeded))
            {
                SetState(run, RunState.Succeeded, null, work);
            }
        }
    }

    private static void EndFailed(PipelineRun run, ActivityRun failed, RunWork work)
    {
        var timedOut = failed.Status == ActivityStatus.TimedOut;
        run.Error = $"activity '{failed.Name}' {(timedOut ? "timed out" : "failed")}: {failed.Error}";
        foreach (var activity in run.Activities.Where(a => !a.Status.IsTerminal()))
        {
            Stop(run, activity, activity.Status == ActivityStatus.Pending ? ActivityStatus.Skipped : ActivityStatus.Cancelled, $"the run {(timedOut ? "timed out" : "failed")}", work);
        }

        SetState(run, timedOut ? RunState.TimedOut : RunState.Failed, run.Error, work);
    }

    private static void SetState(PipelineRun run, RunState state, string? detail, RunWork work)
    {
        run.State = state;
        if (state.IsTerminal())
        {
            run.EndedAt = work.Now;
        }

        PublishState(run, detail, work);
    }

    private static void PublishState(PipelineRun run, string? detail, RunWork work)
    {
        var state = run.State.ToString();
        run.History.Add(new RunHistoryEntry(work.Now, null, state, detail));
        var eventId = StableIds.RunChanged(run.RunId, state);
        work.Publish(new PipelineRunChanged(eventId, run.RunId, run.Pipeline, state, work.Now, run.ModelId, detail), eventId, run.RunId);
    }
}
