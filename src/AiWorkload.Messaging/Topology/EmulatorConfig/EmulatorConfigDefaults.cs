using System.Text.RegularExpressions;

namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// The official emulator's defaults and limits, taken from its Config.json schema. They differ from the service's
/// (<see cref="EntityDefaults"/>): the reader uses the defaults, because a file means what the emulator makes of it,
/// and only the writer applies the limits, because our own entities follow the service.
/// </summary>
internal static partial class EmulatorConfigDefaults
{
    public const string NamespaceName = "sbemulatorns";
    public const string LoggingType = "File";

    public static readonly IReadOnlyList<string> LoggingTypes = ["File", "Console", "File,Console", "Console,File"];

    public const int MaxDeliveryCount = 3;
    public static readonly TimeSpan DefaultMessageTimeToLive = TimeSpan.FromHours(1);
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DuplicateDetectionHistoryTimeWindow = TimeSpan.FromSeconds(20);

    public const int MaxMaxDeliveryCount = 10;
    public static readonly TimeSpan MinTimeToLive = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxTimeToLive = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinQueueLockDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MinSubscriptionLockDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxLockDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinDuplicateDetectionWindow = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxDuplicateDetectionWindow = TimeSpan.FromMinutes(5);

    public const int MaxQueuesAndTopics = 50;
    public const int MaxSubscriptionsPerTopic = 50;
    public const int MaxRulesPerSubscription = 1000;

    /// <summary>
    /// The schema's <c>^[A-Za-z0-9]$|^[A-Za-z0-9][\w-\.\/]*[A-Za-z0-9]$</c> as ECMAScript reads it; spelled out in ASCII
    /// because .NET's <c>\w</c> also matches non-ASCII letters.
    /// </summary>
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9_.\/-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    public static partial Regex NamePattern();
}
