namespace AiWorkload.Messaging;

/// <summary>A scheduled message: the entity it waits in and the sequence number that cancels it.</summary>
public sealed record ScheduledMessage(string Destination, long SequenceNumber, string MessageId);
