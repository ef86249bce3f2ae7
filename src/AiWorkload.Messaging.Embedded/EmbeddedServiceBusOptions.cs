using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Embedded;

/// <summary>How to open the embedded engine. Durable by default; set <see cref="DataDirectory"/> to null for an in-memory engine.</summary>
public sealed class EmbeddedServiceBusOptions
{
    /// <summary>Where the SQLite database lives. Null keeps everything in memory (fast tests only: nothing survives).</summary>
    public string? DataDirectory { get; set; }

    public EngineDurability Durability { get; set; } = EngineDurability.Full;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The Standard tier's limit; Premium entities default to 1 MB and go up to 100 MB.</summary>
    public int MaxMessageSizeBytes { get; set; } = 256 * 1024;

    /// <summary>Entities to create when missing and to update when their settings changed. Entities already on disk are kept.</summary>
    public TopologyModel? Topology { get; set; }

    /// <summary>How often locks, schedules and duplicate-detection windows are swept when nobody is receiving.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(1);
}
