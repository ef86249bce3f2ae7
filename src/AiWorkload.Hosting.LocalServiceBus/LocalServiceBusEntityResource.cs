// Targets Aspire.Hosting 13.6.5: Resource(name).
using Aspire.Hosting.ApplicationModel;

namespace AiWorkload.Hosting.LocalServiceBus;

/// <summary>
/// A queue, topic or subscription of the local Service Bus, shown under it in the dashboard (a parent relationship
/// annotation, so it does not inherit the host's health check). Display only: the host provisions the entities, and
/// <see cref="LocalServiceBusTopologyExtensions"/> marks them running once the host is healthy.
/// </summary>
public sealed class LocalServiceBusEntityResource(string name, string entityPath, string kind) : Resource(name)
{
    /// <summary>The path clients use: <c>queue</c>, <c>topic</c> or <c>topic/Subscriptions/subscription</c>.</summary>
    public string EntityPath { get; } = entityPath;

    /// <summary><c>ServiceBusQueue</c>, <c>ServiceBusTopic</c> or <c>ServiceBusSubscription</c>.</summary>
    public string Kind { get; } = kind;
}
