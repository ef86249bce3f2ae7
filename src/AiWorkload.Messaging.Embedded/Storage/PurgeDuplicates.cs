namespace AiWorkload.Messaging.Embedded.Storage;

internal sealed record PurgeDuplicates(long ExpiredBeforeTicks) : StoreOperation;
