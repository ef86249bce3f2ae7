using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace AiWorkload.Messaging.Rules;

/// <summary>
/// The names usable after <c>sys.</c>. They are the public properties of the BrokeredMessage class, which the
/// "SQL filter syntax" page defines the system scope by, and which the "Messages, payloads, and serialization"
/// page lists. Names match case-insensitively and resolve to the canonical spelling below, which is what
/// <see cref="IRuleMessage.GetSystemProperty"/> receives.
/// </summary>
/// <remarks>
/// The newer SDK names (Subject, EnqueuedTime, ExpiresAt, ...) are deliberately not accepted as aliases: the docs say
/// Subject "maps to Label", and a rule that compiles here must also be accepted by the service, so we stay with the
/// one spelling known to work there.
/// </remarks>
public static class SystemProperties
{
    public const string ContentType = nameof(ContentType);
    public const string CorrelationId = nameof(CorrelationId);
    public const string DeadLetterSource = nameof(DeadLetterSource);
    public const string DeliveryCount = nameof(DeliveryCount);
    public const string EnqueuedSequenceNumber = nameof(EnqueuedSequenceNumber);
    public const string EnqueuedTimeUtc = nameof(EnqueuedTimeUtc);
    public const string ExpiresAtUtc = nameof(ExpiresAtUtc);
    public const string ForcePersistence = nameof(ForcePersistence);

    /// <summary>The message subject; the SDKs call it Subject, SQL calls it <c>sys.Label</c>.</summary>
    public const string Label = nameof(Label);

    public const string LockedUntilUtc = nameof(LockedUntilUtc);
    public const string LockToken = nameof(LockToken);
    public const string MessageId = nameof(MessageId);
    public const string PartitionKey = nameof(PartitionKey);
    public const string ReplyTo = nameof(ReplyTo);
    public const string ReplyToSessionId = nameof(ReplyToSessionId);
    public const string ScheduledEnqueueTimeUtc = nameof(ScheduledEnqueueTimeUtc);
    public const string SequenceNumber = nameof(SequenceNumber);
    public const string SessionId = nameof(SessionId);
    public const string Size = nameof(Size);

    /// <summary>Active, Deferred or Scheduled; engines should expose it as that string.</summary>
    public const string State = nameof(State);

    public const string TimeToLive = nameof(TimeToLive);
    public const string To = nameof(To);
    public const string ViaPartitionKey = nameof(ViaPartitionKey);

    // Read-only in the payloads table means broker-assigned; actions may only write the rest.
    private static readonly FrozenDictionary<string, SystemPropertyInfo> Properties = new SystemPropertyInfo[]
    {
        new(ContentType, typeof(string), Settable: true),
        new(CorrelationId, typeof(string), Settable: true),
        new(DeadLetterSource, typeof(string), Settable: false),
        new(DeliveryCount, typeof(int), Settable: false),
        new(EnqueuedSequenceNumber, typeof(long), Settable: false),
        new(EnqueuedTimeUtc, typeof(DateTime), Settable: false),
        new(ExpiresAtUtc, typeof(DateTime), Settable: false),
        new(ForcePersistence, typeof(bool), Settable: true),
        new(Label, typeof(string), Settable: true),
        new(LockedUntilUtc, typeof(DateTime), Settable: false),
        new(LockToken, typeof(Guid), Settable: false),
        new(MessageId, typeof(string), Settable: true),
        new(PartitionKey, typeof(string), Settable: true),
        new(ReplyTo, typeof(string), Settable: true),
        new(ReplyToSessionId, typeof(string), Settable: true),
        new(ScheduledEnqueueTimeUtc, typeof(DateTime), Settable: true),
        new(SequenceNumber, typeof(long), Settable: false),
        new(SessionId, typeof(string), Settable: true),
        new(Size, typeof(long), Settable: false),
        new(State, typeof(string), Settable: false),
        new(TimeToLive, typeof(TimeSpan), Settable: true),
        new(To, typeof(string), Settable: true),
        new(ViaPartitionKey, typeof(string), Settable: true),
    }.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every canonical name, in alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Properties.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The names a <c>SET sys.X</c> action may write.</summary>
    public static IReadOnlyList<string> Settable { get; } =
        [.. Properties.Values.Where(p => p.Settable).Select(p => p.Name).Order(StringComparer.Ordinal)];

    public static bool TryGetCanonicalName(string name, [NotNullWhen(true)] out string? canonicalName)
    {
        if (Properties.TryGetValue(name, out var info))
        {
            canonicalName = info.Name;
            return true;
        }

        canonicalName = null;
        return false;
    }

    public static bool IsSettable(string name) => Properties.TryGetValue(name, out var info) && info.Settable;

    /// <summary>The CLR type an engine is expected to return for the property, and that actions convert to.</summary>
    public static Type GetValueType(string name) =>
        Properties.TryGetValue(name, out var info)
            ? info.ValueType
            : throw new ArgumentException($"'{name}' is not a system property.", nameof(name));
}
