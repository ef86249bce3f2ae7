using AiWorkload.Orchestration.Activities;
using AiWorkload.Orchestration.Messages;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Templates;
using AiWorkload.Orchestration.Triggers;

namespace AiWorkload.Orchestration.Engine;

internal sealed partial class RunEngine
{
    private async Task StartActivityAsync(PipelineRun run, ActivityRun activity, RunWork work, CancellationToken cancellationToken)
    {
        if (run.Definition!.FindActivity(activity.Name)?.ForEach is { } forEach)
        {
            StartForEach(run, activity, forEach, work);
            return;
        }

        await StartAttemptAsync(run, activity, work, cancellationToken);
    }

    private async Task StartAttemptAsync(PipelineRun run, ActivityRun activity, RunWork work, CancellationToken cancellationToken)
    {
        var step = DefinitionOf(run, activity);
        activity.Attempt++;
        activity.Status = ActivityStatus.Running;
        activity.StartedAt ??= work.Now;
        activity.NextAttemptAt = null;
        activity.Error = null;
        activity.Attempts.Add(new ActivityAttempt { Number = activity.Attempt, StartedAt = work.Now, Status = ActivityStatus.Running });
        Record(run, activity, $"attempt {activity.Attempt} started", work);
        try
        {
            activity.Inputs = new TemplateScope { Run = run, Item = activity.Item, Index = activity.Index }.RenderAll(step.Inputs);
        }
        catch (TemplateException error)
        {
            FailAttempt(run, activity, error.Message, retryable: false, timedOut: false, work);
            return;
        }

        var result = await InvokeAsync(activity, (implementation, context) => implementation.ExecuteAsync(context, cancellationToken), run, work);
        await ApplyAsync(run, activity, result, work, cancellationToken);
    }

    private async Task ApplyAsync(PipelineRun run, ActivityRun activity, ActivityResult result, RunWork work, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case ActivityOutcome.Completed:
                activity.Outputs = result.Outputs;
                CloseAttempt(run, activity, ActivityStatus.Succeeded, null, work);
                activity.Status = ActivityStatus.Succeeded;
                activity.EndedAt = work.Now;
                Record(run, activity, null, work);
                break;
            case ActivityOutcome.Waiting:
                var wait = result.Wait!;
                activity.Status = ActivityStatus.Waiting;
                activity.Wait = wait;
                Record(run, activity, $"for {string.Join(" or ", wait.EventTypes)}", work);
                if (run.Inbox.FirstOrDefault(e => e.ConsumedBy is null && EventWaitMatcher.Matches(wait, e, run.RunId)) is { } early)
                {
                    await DeliverAsync(run, activity, early, work, cancellationToken);
                }

                if (activity.Status == ActivityStatus.Waiting)
                {
                    ScheduleTimeout(run, activity, work);
                }

                break;
            default:
                FailAttempt(run, activity, result.Error!, result.Retryable, timedOut: false, work);
                break;
        }
    }

    private async Task DeliverAsync(PipelineRun run, ActivityRun activity, RunEvent received, RunWork work, CancellationToken cancellationToken)
    {
        received.ConsumedBy = activity.Name;
        activity.Wait = null;
        run.History.Add(new RunHistoryEntry(work.Now, activity.Name, "EventReceived", $"{received.Type} {received.MessageId}"));
        var result = await InvokeAsync(activity, (implementation, context) => implementation.OnEventAsync(context, received, cancellationToken), run, work);
        await ApplyAsync(run, activity, result, work, cancellationToken);
    }

    /// <summary>Ends the open attempt; schedules the next one after the backoff, or ends the activity for good.</summary>
    private static void FailAttempt(PipelineRun run, ActivityRun activity, string error, bool retryable, bool timedOut, RunWork work)
    {
        var retry = DefinitionOf(run, activity).Retry;
        var status = timedOut ? ActivityStatus.TimedOut : ActivityStatus.Failed;
        CloseAttempt(run, activity, status, error, work);
        activity.Error = error;
        activity.Wait = null;
        if (retryable && activity.Attempt < retry.MaxAttempts)
        {
            var at = work.Now + retry.GetDelay(activity.Attempt);
            var timerId = StableIds.Timer(run.RunId, activity.Name, activity.Attempt, "retry");
            activity.Status = ActivityStatus.Retrying;
            activity.NextAttemptAt = at;
            activity.RetryTimerId = timerId;
            work.Schedule(new RunTimer(timerId, run.RunId, activity.Name, activity.Attempt, TimerKind.Retry, at), timerId, at, run.RunId);
            Record(run, activity, $"attempt {activity.Attempt} {(timedOut ? "timed out" : "failed")}: {error}; attempt {activity.Attempt + 1} at {at:O}", work);
            return;
        }

        activity.Status = status;
        activity.EndedAt = work.Now;
        Record(run, activity, error, work);
    }

    /// <summary>Ends an unfinished activity without running it further, cancelling whatever timer it still has.</summary>
    private static void Stop(PipelineRun run, ActivityRun activity, ActivityStatus status, string reason, RunWork work)
    {
        if (activity.Status.IsInFlight())
        {
            CloseAttempt(run, activity, ActivityStatus.Cancelled, reason, work);
        }

        if (activity.RetryTimerId is { } retryTimer)
        {
            work.CancelScheduled<RunTimer>(retryTimer, run.RunId);
            activity.RetryTimerId = null;
        }

        activity.Status = status;
        activity.Wait = null;
        activity.NextAttemptAt = null;
        activity.EndedAt = activity.StartedAt is null ? null : work.Now;
        Record(run, activity, reason, work);
    }

    private static void CloseAttempt(PipelineRun run, ActivityRun activity, ActivityStatus status, string? error, RunWork work)
    {
        if (activity.CurrentAttempt is { EndedAt: null } attempt)
        {
            attempt.Status = status;
            attempt.EndedAt = work.Now;
            attempt.Error = error;
        }

        if (activity.TimeoutTimerId is { } timeout)
        {
            work.CancelScheduled<RunTimer>(timeout, run.RunId);
            activity.TimeoutTimerId = null;
        }
    }

    /// <summary>A timeout covers the whole attempt, so it is scheduled from the attempt's start, once, when it first waits.</summary>
    private static void ScheduleTimeout(PipelineRun run, ActivityRun activity, RunWork work)
    {
        if (activity.TimeoutTimerId is not null || DefinitionOf(run, activity).Timeout is not { } timeout)
        {
            return;
        }

        var at = activity.CurrentAttempt!.StartedAt + timeout;
        var timerId = StableIds.Timer(run.RunId, activity.Name, activity.Attempt, "timeout");
        activity.TimeoutTimerId = timerId;
        work.Schedule(new RunTimer(timerId, run.RunId, activity.Name, activity.Attempt, TimerKind.Timeout, at), timerId, at, run.RunId);
    }

    /// <summary>
    /// Calls the activity. An input error fails it for good; any other exception is a transient failure for the retry policy,
    /// except cancellation, which means the host is stopping: the message is then redelivered and the work redone.
    /// </summary>
    private async Task<ActivityResult> InvokeAsync(ActivityRun activity, Func<IActivity, ActivityContext, Task<ActivityResult>> call, PipelineRun run, RunWork work)
    {
        if (activities.Find(activity.Type) is not { } implementation)
        {
            return ActivityResult.Failed($"no activity type '{activity.Type}' is registered", retryable: false);
        }

        try
        {
            return await call(implementation, new ActivityContext(run, activity, work));
        }
        catch (ActivityInputException error)
        {
            return ActivityResult.Failed(error.Message, retryable: false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return ActivityResult.Failed($"{error.GetType().Name}: {error.Message}");
        }
    }

    private static ActivityDefinition DefinitionOf(PipelineRun run, ActivityRun activity) =>
        activity.Parent is { } parent
            ? run.Definition!.FindActivity(parent)!.ForEach!.Activity
            : run.Definition!.FindActivity(activity.Name)!;

    private static void Record(PipelineRun run, ActivityRun activity, string? detail, RunWork work) =>
        run.History.Add(new RunHistoryEntry(work.Now, activity.Name, activity.Status.ToString(), detail));
}
