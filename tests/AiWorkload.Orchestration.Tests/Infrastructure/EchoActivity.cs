using AiWorkload.Orchestration.Activities;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>A pluggable activity: completes at once with its inputs as outputs.</summary>
internal sealed class EchoActivity : IActivity
{
    public string Type => "echo";

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ActivityResult.Completed(context.Inputs));
}
