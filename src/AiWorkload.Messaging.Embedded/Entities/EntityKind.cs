namespace AiWorkload.Messaging.Embedded.Entities;

internal enum EntityKind
{
    Queue = 1,
    Topic = 2,
    Subscription = 3,
    DeadLetterQueue = 4,
    TransferDeadLetterQueue = 5,
}
