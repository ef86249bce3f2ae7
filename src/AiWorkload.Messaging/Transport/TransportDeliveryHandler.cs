namespace AiWorkload.Messaging.Transport;

/// <summary>
/// Called by a transport processor for each delivery. The token is cancelled when the processor stops.
/// The handler settles the delivery itself; a transport does not auto-complete.
/// </summary>
public delegate Task TransportDeliveryHandler(ITransportDelivery delivery, CancellationToken cancellationToken);
