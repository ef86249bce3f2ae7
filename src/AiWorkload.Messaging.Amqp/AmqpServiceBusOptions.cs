using System.Net;
using AiWorkload.Messaging.Amqp.Security;

namespace AiWorkload.Messaging.Amqp;

/// <summary>Where the AMQP face listens and whom it lets in.</summary>
public sealed class AmqpServiceBusOptions
{
    /// <summary>Loopback by default: listening beyond this machine is a deliberate choice, with keys of its own.</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The AMQP port the Service Bus clients use with <c>UseDevelopmentEmulator=true</c>.</summary>
    public int Port { get; set; } = 5672;

    /// <summary>The keys whose SAS tokens are accepted; the emulator's well-known development key by default.</summary>
    public IList<SharedAccessKey> Keys { get; } = [];

    /// <summary>The host name printed in connection strings.</summary>
    public string HostName { get; set; } = "localhost";

    /// <summary>
    /// The idle time-out this side asks of clients; the library sends empty frames at half the clients' own time-out,
    /// so a connection that only waits for messages is never closed as idle.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(4);

    public uint MaxFrameSize { get; set; } = 64 * 1024;

    /// <summary>How long a receive link waits in the engine before it looks at its credit again.</summary>
    public TimeSpan ReceivePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal IReadOnlyList<SharedAccessKey> EffectiveKeys => Keys.Count > 0 ? [.. Keys] : [SharedAccessKey.DevelopmentDefault];

    /// <summary>The connection string the official emulator documents, for the first key that may manage the namespace.</summary>
    public string ConnectionString(SharedAccessKey? key = null)
    {
        key ??= EffectiveKeys[0];
        return $"Endpoint=sb://{HostName}:{Port};SharedAccessKeyName={key.Name};SharedAccessKey={key.Key};UseDevelopmentEmulator=true;";
    }
}
