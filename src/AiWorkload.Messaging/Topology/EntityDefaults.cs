namespace AiWorkload.Messaging.Topology;

/// <summary>The Azure Service Bus defaults and limits; the official emulator's tighter limits are applied only when writing its Config.json.</summary>
public static class EntityDefaults
{
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MinLockDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxLockDuration = TimeSpan.FromMinutes(5);

    public const int MaxDeliveryCount = 10;

    /// <summary>The service's default TTL is TimeSpan.MaxValue ("never expires").</summary>
    public static readonly TimeSpan MessageTimeToLive = TimeSpan.MaxValue;

    public static readonly TimeSpan DuplicateDetectionWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MinDuplicateDetectionWindow = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan MaxDuplicateDetectionWindow = TimeSpan.FromDays(7);

    public const int MaxSizeInMegabytes = 1024;

    public const int MaxEntityPathLength = 260;
    public const int MaxSubscriptionOrRuleNameLength = 50;
    public const int MaxMessageIdLength = 128;
    public const int MaxSessionIdLength = 128;
    public const int MaxTransferHops = 4;

    public const string DefaultRuleName = "$Default";
}
