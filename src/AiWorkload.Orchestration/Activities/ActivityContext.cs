using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Runs;

namespace AiWorkload.Orchestration.Activities;

/// <summary>What an activity attempt sees: the run, its resolved inputs, its kept state, and an outbox for its effects.</summary>
public sealed class ActivityContext
{
    private readonly RunWork _work;
    private readonly ActivityRun _activity;

    internal ActivityContext(PipelineRun run, ActivityRun activity, RunWork work)
    {
        Run = run;
        _activity = activity;
        _work = work;
    }

    public PipelineRun Run { get; }

    public string RunId => Run.RunId;

    public string? ModelId => Run.ModelId;

    public string ActivityName => _activity.Name;

    public int Attempt => _activity.Attempt;

    public IReadOnlyDictionary<string, string> Inputs => _activity.Inputs ?? new Dictionary<string, string>();

    /// <summary>Survives between <see cref="IActivity.ExecuteAsync"/> and the events the attempt waits for.</summary>
    public IDictionary<string, string> State => _activity.State;

    public DateTimeOffset Now => _work.Now;

    /// <summary>Unique per run, activity and attempt: the id of anything this attempt asks another service to do.</summary>
    public string IdempotencyKey => StableIds.Limit($"{RunId}:{ActivityName}:{Attempt}");

    public string? GetInput(string name) => Inputs.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <exception cref="ActivityInputException">The input is missing or empty.</exception>
    public string RequireInput(string name) =>
        GetInput(name) ?? throw new ActivityInputException($"input '{name}' is required");

    /// <summary>Sends a command once the run's new state is committed; <paramref name="messageId"/> must be deterministic.</summary>
    public void Send<TCommand>(TCommand command, string messageId)
        where TCommand : class =>
        _work.Send(command, messageId, RunId);

    /// <summary>Publishes an event once the run's new state is committed; <paramref name="messageId"/> must be deterministic.</summary>
    public void Publish<TEvent>(TEvent @event, string messageId)
        where TEvent : class =>
        _work.Publish(@event, messageId, RunId);
}
