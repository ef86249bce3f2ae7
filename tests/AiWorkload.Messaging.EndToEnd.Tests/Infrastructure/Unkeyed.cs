namespace AiWorkload.Messaging.EndToEnd.Tests.Infrastructure;

/// <summary>A message type registered without an idempotency key convention.</summary>
public sealed record Unkeyed(string Text);
