namespace AiWorkload.Orchestration.Messages;

/// <summary>
/// One firing of a schedule trigger, scheduled for <see cref="FireAt"/>. Handling it starts the run and schedules the next
/// tick; being a durable scheduled message, a tick survives restarts. <see cref="Spec"/> tells a tick of an edited schedule apart.
/// </summary>
public sealed record ScheduleTick(string ScheduleKey, string Pipeline, string Spec, DateTimeOffset FireAt);
