namespace AiWorkload.Messaging.Embedded;

/// <summary>What a topic holds itself: scheduled messages (its subscriptions hold the rest) and how many subscriptions it has.</summary>
public sealed record TopicRuntimeProperties(string TopicName, long ScheduledMessageCount, long SizeInBytes, int SubscriptionCount);
