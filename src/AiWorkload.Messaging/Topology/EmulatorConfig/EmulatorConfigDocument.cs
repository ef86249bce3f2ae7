namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>A written Config.json and every way in which it differs from the model it was written from.</summary>
public sealed record EmulatorConfigDocument(string Json, IReadOnlyList<EmulatorConfigAdjustment> Adjustments);
