namespace AiWorkload.Messaging.Tests.Port;

public sealed record Order(string Id, int Quantity);
