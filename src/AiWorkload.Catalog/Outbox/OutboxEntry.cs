namespace AiWorkload.Catalog.Outbox;

/// <summary>
/// A message written in the same transaction as the state change it announces; a dispatcher publishes it afterwards.
/// <see cref="MessageType"/> names a registered message type, <see cref="Payload"/> is its JSON.
/// </summary>
public sealed record OutboxEntry(string EntryId, string MessageType, string Payload, DateTimeOffset CreatedAt);
