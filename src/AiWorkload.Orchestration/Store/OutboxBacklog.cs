namespace AiWorkload.Orchestration.Store;

/// <summary>Entries committed but not sent yet; an old one means the bus has been unreachable.</summary>
public sealed record OutboxBacklog(long Count, DateTimeOffset? OldestCreatedAt);
