using AiWorkload.Messaging.Embedded.Messages;

namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>Where a receive link takes its messages from: an entity, or one session of it that the link holds locked.</summary>
internal delegate Task<IReadOnlyList<ReceivedMessage>> MessageSource(int maxMessages, TimeSpan maxWait, ReceiveMode mode, CancellationToken cancellationToken);
