using System.Net;
using AiWorkload.Messaging.Amqp.Security;

namespace AiWorkload.Messaging.Amqp.Hosting;

/// <summary>The <c>ServiceBus:Amqp</c> configuration section: where the AMQP face listens and which keys it accepts.</summary>
public sealed class AmqpEndpointSettings
{
    public const string SectionName = "ServiceBus:Amqp";

    /// <summary>0 or unset: no AMQP endpoint.</summary>
    public int Port { get; set; }

    public string BindAddress { get; set; } = "127.0.0.1";

    public string HostName { get; set; } = "localhost";

    public List<KeySettings> Keys { get; } = [];

    public AmqpServiceBusOptions ToOptions()
    {
        if (!IPAddress.TryParse(BindAddress, out var address))
        {
            throw new InvalidOperationException($"{SectionName}:BindAddress '{BindAddress}' is not an IP address (use 127.0.0.1, ::1 or 0.0.0.0).");
        }

        var options = new AmqpServiceBusOptions { Port = Port, BindAddress = address, HostName = HostName };
        foreach (var key in Keys)
        {
            options.Keys.Add(key.ToKey());
        }

        // Anything that listens beyond this machine needs a key of its own: the development key is public.
        if (!IPAddress.IsLoopback(address) && options.EffectiveKeys.Any(k => k.Key == SharedAccessKey.DevelopmentDefault.Key))
        {
            throw new InvalidOperationException(
                $"The AMQP endpoint listens on {address}, beyond loopback, so it needs keys other than the well-known development key: set {SectionName}:Keys:0:Name, :Key and :Rights.");
        }

        return options;
    }

    public sealed class KeySettings
    {
        public string Name { get; set; } = "";

        public string Key { get; set; } = "";

        /// <summary>Comma-separated: Manage, Send, Listen.</summary>
        public string Rights { get; set; } = nameof(AccessRights.Manage);

        public SharedAccessKey ToKey()
        {
            if (string.IsNullOrWhiteSpace(Name) || string.IsNullOrWhiteSpace(Key))
            {
                throw new InvalidOperationException($"Every key under {SectionName}:Keys needs a Name and a Key.");
            }

            return Enum.TryParse<AccessRights>(Rights, ignoreCase: true, out var rights) && rights != AccessRights.None
                ? new SharedAccessKey(Name, Key, rights)
                : throw new InvalidOperationException($"Key '{Name}': Rights '{Rights}' is not a combination of Manage, Send and Listen.");
        }
    }
}
