using AiWorkload.Orchestration;
using AiWorkload.Testing;

namespace AiWorkload.Orchestration.Tests.Infrastructure;

/// <summary>What a test host needs besides the defaults.</summary>
internal sealed class HostSetup
{
    public TimeProvider? Time { get; init; }

    /// <summary>Given: the caller owns it, and a second host on it sees the first one's durable state.</summary>
    public TemporaryDirectory? Directory { get; init; }

    /// <summary>Keep the bus on disk too (restart tests); otherwise it is in memory.</summary>
    public bool DurableBus { get; init; }

    public bool Trainer { get; init; } = true;

    public Action<IOrchestrationBuilder>? Orchestration { get; init; }

    public Action<OrchestrationOptions>? Options { get; init; }

    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();
}
