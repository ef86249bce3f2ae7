namespace AiWorkload.Orchestration.Store;

/// <summary>The pending firing of one schedule trigger: at most one per key, replaced when the tick is handled.</summary>
public sealed record ScheduleState(string Key, string Pipeline, string Spec, DateTimeOffset NextFireAt, string TickMessageId);
