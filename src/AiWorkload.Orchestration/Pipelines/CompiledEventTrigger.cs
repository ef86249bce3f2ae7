using AiWorkload.Messaging.Rules;

namespace AiWorkload.Orchestration.Pipelines;

/// <summary>An event trigger with its filter compiled once, when the pipelines load.</summary>
internal sealed record CompiledEventTrigger(PipelineDefinition Pipeline, int Index, TriggerDefinition Trigger, RuleFilter? Filter);
