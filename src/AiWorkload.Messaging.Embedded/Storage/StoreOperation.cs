namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>One durable change. Operations are written in the order the engine made the changes, one transaction per batch.</summary>
internal abstract record StoreOperation;
