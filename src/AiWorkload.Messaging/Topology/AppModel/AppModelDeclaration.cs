namespace AiWorkload.Messaging.Topology.AppModel;

/// <summary>What the AppHost declares as Aspire resources for a topology, and what of the topology it cannot declare.</summary>
public sealed record AppModelDeclaration(
    IReadOnlyList<AppModelQueue> Queues,
    IReadOnlyList<AppModelTopic> Topics,
    IReadOnlyList<AppModelOmission> Omissions);
