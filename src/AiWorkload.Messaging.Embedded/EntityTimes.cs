namespace AiWorkload.Messaging.Embedded;

/// <summary>When an entity was created, last changed and last used, as the administration API reports them.</summary>
public sealed record EntityTimes(DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset AccessedAt);
