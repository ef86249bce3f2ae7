using AiWorkload.Contracts.Events;

namespace AiWorkload.Orchestration.Activities.BuiltIn;

/// <summary>Publishes a PipelineNotification with <c>message</c> once (its EventId is fixed per attempt). Outputs eventId.</summary>
internal sealed class NotifyActivity : IActivity
{
    public string Type => ActivityTypes.Notify;

    public IReadOnlyCollection<string> RequiredInputs { get; } = ["message"];

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var message = context.RequireInput("message");
        var eventId = context.IdempotencyKey;
        context.Publish(new PipelineNotification(eventId, context.RunId, context.Run.Pipeline, message, context.Now, context.ModelId), eventId);
        return Task.FromResult(ActivityResult.Completed(new Dictionary<string, string> { ["eventId"] = eventId, ["message"] = message }));
    }
}
