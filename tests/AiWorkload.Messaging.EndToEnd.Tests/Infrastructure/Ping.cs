namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>A command for generic processing tests; <see cref="Behavior"/> lets a test mark messages for its script.</summary>
public sealed record Ping(string Id, string Behavior = "");
