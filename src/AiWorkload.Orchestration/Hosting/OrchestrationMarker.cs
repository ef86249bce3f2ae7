namespace AiWorkload.Orchestration.Hosting;

/// <summary>Registered by the first AddOrchestration call, so a second one only adds configuration.</summary>
internal sealed class OrchestrationMarker;
