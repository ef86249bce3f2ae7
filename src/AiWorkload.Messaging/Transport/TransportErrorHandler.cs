namespace AiWorkload.Messaging.Transport;

/// <summary>Called by a transport processor for failures outside a handler: receiving, lock renewal, accepting sessions.</summary>
public delegate Task TransportErrorHandler(TransportError error);
