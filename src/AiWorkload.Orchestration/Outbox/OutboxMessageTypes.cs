namespace AiWorkload.Orchestration.Outbox;

/// <summary>The message types activities and the engine may emit, by CLR type and by stored name.</summary>
internal sealed class OutboxMessageTypes
{
    private readonly Dictionary<Type, IOutboxMessageType> _byType = [];
    private readonly Dictionary<string, IOutboxMessageType> _byName = new(StringComparer.Ordinal);

    public OutboxMessageTypes(IEnumerable<IOutboxMessageType> types)
    {
        foreach (var type in types)
        {
            _byType[type.ClrType] = type;
            _byName[type.Name] = type;
        }
    }

    public IOutboxMessageType Get(Type clrType) => _byType.TryGetValue(clrType, out var type)
        ? type
        : throw new InvalidOperationException($"{clrType.Name} cannot go through the orchestration outbox: register it with AddOrchestration().AddOutboxMessage<{clrType.Name}>(...).");

    /// <summary>An entry of an unknown type is set aside by the dispatcher, not retried forever ahead of the others.</summary>
    public IOutboxMessageType Get(string name) => _byName.TryGetValue(name, out var type)
        ? type
        : throw new AiWorkload.Messaging.Outbox.OutboxUnsendableException($"The outbox holds a {name}, which is no longer registered.");
}
