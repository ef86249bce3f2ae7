namespace AiWorkload.Messaging.Rules;

internal sealed record SystemPropertyInfo(string Name, Type ValueType, bool Settable);
