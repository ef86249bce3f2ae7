namespace AiWorkload.Contracts;

/// <summary>Registered by the first AddWorkloadMessages call, so a host composing several services registers the types once.</summary>
internal sealed class WorkloadMessagesMarker;
