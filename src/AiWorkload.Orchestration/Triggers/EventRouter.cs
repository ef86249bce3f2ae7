using AiWorkload.Contracts.Events;
using AiWorkload.Messaging.Rules;
using AiWorkload.Orchestration.Engine;
using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Policies;
using AiWorkload.Orchestration.Runs;
using AiWorkload.Orchestration.Templates;
using Microsoft.Extensions.Logging;

namespace AiWorkload.Orchestration.Triggers;

/// <summary>Where an event goes: its run, runs waiting for it uncorrelated, event triggers, and the policies.</summary>
internal sealed class EventRouter(RunEngine engine, PipelineRegistry pipelines, IEnumerable<IEventPolicy> policies, ILogger<EventRouter> logger)
{
    public async Task RouteAsync(RunEvent received, RunWork work, CancellationToken cancellationToken)
    {
        // A run's own state and notification events come back on the subscription; its inbox does not need them.
        var own = received.Type is nameof(PipelineRunChanged) or nameof(PipelineNotification);
        if (!own && received.CorrelationId is { } runId && await work.LoadRunAsync(runId, cancellationToken) is { } run)
        {
            await engine.OnEventAsync(run, received, work, cancellationToken);
        }

        foreach (var waitingId in await work.Store.GetRunsWaitingForAsync(received.Type, cancellationToken))
        {
            if (await work.LoadRunAsync(waitingId, cancellationToken) is { } waiting)
            {
                await engine.OnEventAsync(waiting, received, work, cancellationToken);
            }
        }

        // One run per pipeline, however many of its triggers accept the event.
        foreach (var trigger in pipelines.EventTriggers.Where(t => t.Trigger.Event == received.Type && Matches(t, received)).DistinctBy(t => t.Pipeline.Name))
        {
            Launch(trigger, received, work);
        }

        foreach (var policy in policies)
        {
            await policy.EvaluateAsync(received, work, cancellationToken);
        }
    }

    private bool Matches(CompiledEventTrigger trigger, RunEvent received)
    {
        try
        {
            return trigger.Filter?.Matches(new RunEventRuleView(received)) ?? true;
        }
        catch (RuleEvaluationException error)
        {
            logger.LogWarning("The trigger of pipeline {Pipeline} cannot evaluate event {MessageId}: {Reason}", trigger.Pipeline.Name, received.MessageId, error.Message);
            return false;
        }
    }

    private void Launch(CompiledEventTrigger trigger, RunEvent received, RunWork work)
    {
        var scope = new TemplateScope { Event = received };
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, template) in trigger.Trigger.Parameters)
        {
            try
            {
                parameters[name] = scope.Render(template);
            }
            catch (TemplateException error)
            {
                // Left unset: an activity that needs it fails the run with the reason, where operators look.
                logger.LogWarning("Pipeline {Pipeline}: parameter {Parameter} has no value in event {MessageId}: {Reason}", trigger.Pipeline.Name, name, received.MessageId, error.Message);
            }
        }

        var modelId = trigger.Trigger.ModelId is { } modelTemplate ? TryRender(scope, modelTemplate) : received.GetField("model_id") ?? received.GetField("modelId");
        var runId = $"{trigger.Pipeline.Name}-{StableIds.ShortHash(received.MessageId)}";
        RunFactory.Launch(work, trigger.Pipeline, runId, "event", modelId, parameters);
    }

    private static string? TryRender(TemplateScope scope, string template)
    {
        try
        {
            return scope.Render(template);
        }
        catch (TemplateException)
        {
            return null;
        }
    }
}
