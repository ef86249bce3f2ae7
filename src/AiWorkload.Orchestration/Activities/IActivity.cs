using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Activities;

/// <summary>
/// An activity type, registered with <c>AddActivity&lt;T&gt;()</c> and named in pipelines by <see cref="Type"/>.
/// </summary>
/// <remarks>
/// The engine calls it inside a run-store unit of work that may be retried (a concurrent change to the same run) or
/// repeated (a crash before the commit), so <see cref="ExecuteAsync"/> may run more than once for one attempt. Produce
/// effects through <see cref="ActivityContext.Send{TCommand}"/> and <see cref="ActivityContext.Publish{TEvent}"/>: they are
/// committed with the run's state and sent once (with deterministic MessageIds). Reads are always safe; other effects must
/// be idempotent on <see cref="ActivityContext.IdempotencyKey"/>.
/// </remarks>
public interface IActivity
{
    string Type { get; }

    /// <summary>Inputs a pipeline must give; checked when the pipeline is loaded.</summary>
    IReadOnlyCollection<string> RequiredInputs => [];

    /// <summary>Starts an attempt: complete now, fail, or wait for an event.</summary>
    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>An event matching the attempt's <see cref="EventWait"/> arrived (or had arrived before the wait began).</summary>
    Task<ActivityResult> OnEventAsync(ActivityContext context, RunEvent received, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Failed($"'{Type}' does not wait for events but received {received.Type}.", retryable: false));
}
