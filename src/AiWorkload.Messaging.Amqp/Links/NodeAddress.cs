namespace AiWorkload.Messaging.Amqp.Links;

/// <summary>
/// A link address as the clients send it (<c>queue</c>, <c>/queue</c>, <c>amqp://host/queue</c>, with
/// <c>/$management</c> or as <c>$cbs</c>), reduced to the engine's entity path and the kind of node it names.
/// </summary>
internal readonly record struct NodeAddress(NodeKind Kind, string EntityPath)
{
    private const string ManagementSuffix = "/$management";

    public static NodeAddress Parse(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            throw Errors.AmqpErrors.Argument("The link has no address: name a queue, topic, subscription or $cbs.");
        }

        var path = address;
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
        {
            path = Uri.UnescapeDataString(uri.AbsolutePath);
        }

        path = path.Trim('/');
        if (string.Equals(path, "$cbs", StringComparison.OrdinalIgnoreCase))
        {
            return new NodeAddress(NodeKind.Cbs, "");
        }

        if (path.EndsWith(ManagementSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return new NodeAddress(NodeKind.Management, path[..^ManagementSuffix.Length]);
        }

        return new NodeAddress(NodeKind.Entity, path);
    }
}
