using AiWorkload.Orchestration.Pipelines;
using AiWorkload.Orchestration.Scheduling;

namespace AiWorkload.Orchestration.Triggers;

/// <summary>One schedule trigger: <see cref="Key"/> is the pipeline name and the trigger's index.</summary>
internal sealed record ScheduleEntry(string Key, PipelineDefinition Pipeline, TriggerDefinition Trigger, ScheduleSpec Spec);
