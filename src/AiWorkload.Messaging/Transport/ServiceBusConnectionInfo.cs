using System.Data.Common;

namespace AiWorkload.Messaging.Transport;

/// <summary>
/// How an Azure Service Bus client reaches its namespace: a full connection string (SAS key, or the emulator's), or a
/// fully qualified namespace for a token credential. Parsed by the rules of Aspire's AzureMessagingServiceBusSettings, so
/// that the administration client the Azure adapter builds reaches the namespace Aspire's ServiceBusClient reaches.
/// Pure string handling, kept here so that CI tests it.
/// </summary>
public sealed record ServiceBusConnectionInfo
{
    private const string EndpointKey = "Endpoint";
    private const string EntityPathKey = "EntityPath";

    public static ServiceBusConnectionInfo None { get; } = new();

    /// <summary>Everything needed to connect with a SAS key or to the emulator; wins over <see cref="FullyQualifiedNamespace"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>A host name such as <c>contoso.servicebus.windows.net</c>, used with a token credential.</summary>
    public string? FullyQualifiedNamespace { get; init; }

    public bool IsEmpty => ConnectionString is null && FullyQualifiedNamespace is null;

    /// <summary>
    /// Reads a <c>ConnectionStrings:*</c> value. A value without ';' that does not start with <c>Endpoint=</c> is a
    /// namespace (a URI such as Aspire's <c>https://x.servicebus.windows.net:443/</c> keeps only its host); an
    /// <c>Endpoint=</c>-only value is a namespace too; anything else is a connection string, less its EntityPath.
    /// </summary>
    public static ServiceBusConnectionInfo Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }

        var text = value.Trim();
        if (!text.Contains(';', StringComparison.Ordinal) && !text.StartsWith(EndpointKey + "=", StringComparison.OrdinalIgnoreCase))
        {
            return new ServiceBusConnectionInfo { FullyQualifiedNamespace = HostOf(text) };
        }

        var parts = new DbConnectionStringBuilder { ConnectionString = text };
        var hasEntityPath = parts.Remove(EntityPathKey);
        if (parts.Count == 1 && parts.TryGetValue(EndpointKey, out var endpoint))
        {
            return new ServiceBusConnectionInfo { FullyQualifiedNamespace = HostOf(endpoint?.ToString() ?? string.Empty) };
        }

        return new ServiceBusConnectionInfo { ConnectionString = hasEntityPath ? WithoutEntityPath(text) : text };
    }

    /// <summary>
    /// The connection Aspire's client integration would use, or <paramref name="administrationConnectionString"/> when set:
    /// the emulator serves administration on its own port, so it needs a connection string of its own.
    /// Otherwise the settings section's values apply, overridden by <c>ConnectionStrings:{name}</c>; a connection string
    /// wins over a namespace, as in Aspire's client factory.
    /// </summary>
    public static ServiceBusConnectionInfo Resolve(
        string? administrationConnectionString,
        string? namedConnectionString,
        string? settingsConnectionString,
        string? settingsNamespace)
    {
        var administration = Parse(administrationConnectionString);
        if (!administration.IsEmpty)
        {
            return administration;
        }

        var connectionString = Blank(settingsConnectionString);
        var fullyQualifiedNamespace = Blank(settingsNamespace) is { } configured ? HostOf(configured) : null;
        var named = Parse(namedConnectionString);
        connectionString = named.ConnectionString ?? connectionString;
        fullyQualifiedNamespace = named.FullyQualifiedNamespace ?? fullyQualifiedNamespace;
        return connectionString is not null
            ? new ServiceBusConnectionInfo { ConnectionString = connectionString }
            : new ServiceBusConnectionInfo { FullyQualifiedNamespace = fullyQualifiedNamespace };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string HostOf(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? uri.Host : value.TrimEnd('/');

    /// <summary>Drops EntityPath but keeps every other part as written, as Aspire does, so keys and flags survive unchanged.</summary>
    private static string WithoutEntityPath(string connectionString)
    {
        var kept = connectionString.Split(';')
            .Where(part => part.Trim().Length > 0 && !part.Trim().StartsWith(EntityPathKey + "=", StringComparison.OrdinalIgnoreCase));
        var result = string.Join(';', kept);
        return connectionString.EndsWith(';') && !result.EndsWith(';') ? result + ";" : result;
    }
}
