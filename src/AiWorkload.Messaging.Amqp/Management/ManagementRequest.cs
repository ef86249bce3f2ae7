using AiWorkload.Messaging.Amqp.Errors;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Management;

/// <summary>A <c>$management</c> request's operation and body map, with typed reads that fail as argument errors naming the field.</summary>
internal sealed class ManagementRequest(string operation, AmqpMap body)
{
    public string Operation { get; } = operation;

    public static ManagementRequest Read(AmqpMessage message)
    {
        var operation = message.ApplicationProperties?.Map["operation"] as string
            ?? throw AmqpErrors.Argument("A management request needs an 'operation' application property.");
        var body = message.ValueBody?.Value as AmqpMap ?? [];
        return new ManagementRequest(operation, body);
    }

    public object? this[string key] => body.TryGetValue<object>(new MapKey(key), out var value) ? value : null;

    public string? OptionalString(string key) => this[key] as string;

    public string String(string key) => OptionalString(key) ?? throw Missing(key, "a string");

    public long Long(string key) => this[key] switch
    {
        long v => v,
        int v => v,
        uint v => v,
        _ => throw Missing(key, "a long"),
    };

    public int Int(string key, int fallback) => this[key] switch
    {
        int v => v,
        long v => (int)Math.Clamp(v, int.MinValue, int.MaxValue),
        uint v => (int)Math.Min(v, int.MaxValue),
        null => fallback,
        _ => throw Missing(key, "an int"),
    };

    public IReadOnlyList<Guid> Guids(string key) => this[key] switch
    {
        Guid[] v => v,
        IEnumerable<object> v => [.. v.Cast<Guid>()],
        _ => throw Missing(key, "an array of uuid"),
    };

    public IReadOnlyList<long> Longs(string key) => this[key] switch
    {
        long[] v => v,
        IEnumerable<object> v => [.. v.Select(Convert.ToInt64)],
        _ => throw Missing(key, "an array of long"),
    };

    public IEnumerable<AmqpMap> Maps(string key) => this[key] switch
    {
        IEnumerable<object> v => v.Cast<AmqpMap>(),
        _ => throw Missing(key, "a list of maps"),
    };

    public AmqpMap? Map(string key) => this[key] as AmqpMap;

    private AmqpException Missing(string key, string type) =>
        AmqpErrors.Argument($"The '{Operation}' request needs '{key}' as {type}.");
}
