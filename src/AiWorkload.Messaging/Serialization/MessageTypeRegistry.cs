using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Serialization;

/// <summary>Every registered message type, found by CLR type when sending and by Subject when receiving.</summary>
internal sealed class MessageTypeRegistry
{
    private readonly Dictionary<Type, MessageType> _byType = [];
    private readonly Dictionary<string, MessageType> _bySubject = new(StringComparer.Ordinal);

    public MessageTypeRegistry(IEnumerable<MessageType> types, TopologyModel? topology = null)
    {
        foreach (var type in types)
        {
            if (!_byType.TryAdd(type.ClrType, type))
            {
                throw new InvalidOperationException($"{type.ClrType.Name} is registered twice.");
            }

            if (!_bySubject.TryAdd(type.Subject, type))
            {
                throw new InvalidOperationException(
                    $"{type.ClrType.Name} and {_bySubject[type.Subject].ClrType.Name} both use Subject '{type.Subject}'; receivers could not tell them apart.");
            }

            CheckDestination(type, topology);
        }
    }

    public IEnumerable<MessageType> Types => _byType.Values;

    public MessageType Get(Type clrType) =>
        _byType.TryGetValue(clrType, out var type)
            ? type
            : throw new InvalidOperationException($"{clrType.Name} is not a registered message type: register it with AddEvent<{clrType.Name}>() or AddCommand<{clrType.Name}>().");

    public bool TryGet(Type clrType, out MessageType type) => _byType.TryGetValue(clrType, out type!);

    public bool TryGetBySubject(string? subject, out MessageType type)
    {
        if (subject is null)
        {
            type = null!;
            return false;
        }

        return _bySubject.TryGetValue(subject, out type!);
    }

    /// <summary>With a topology declared, an event must go to one of its topics and a command to one of its queues.</summary>
    private static void CheckDestination(MessageType type, TopologyModel? topology)
    {
        if (topology is null || topology.Queues.Count + topology.Topics.Count == 0)
        {
            return;
        }

        var found = type.Kind == MessageKind.Event
            ? topology.Topics.Any(t => string.Equals(t.Name, type.Destination, StringComparison.OrdinalIgnoreCase))
            : topology.Queues.Any(q => string.Equals(q.Name, type.Destination, StringComparison.OrdinalIgnoreCase));
        if (!found)
        {
            var what = type.Kind == MessageKind.Event ? "topic" : "queue";
            throw new InvalidOperationException($"{type.ClrType.Name} is sent to {what} '{type.Destination}', which the topology does not declare.");
        }
    }
}
