namespace AiWorkload.Messaging.Topology.EmulatorConfig;

/// <summary>
/// A value the emulator cannot take and that was therefore written differently (clamped, rounded, stringified) or left
/// out, so that the difference between the emulator and the real service is visible instead of silent.
/// </summary>
/// <param name="Entity">The entity, worded as the validator words it, e.g. <c>topic 't' subscription 's'</c>.</param>
/// <param name="Field">The model's property, e.g. <c>MaxDeliveryCount</c>.</param>
/// <param name="Original">The model's value.</param>
/// <param name="Written">The value written, or null when the property was left out.</param>
/// <param name="Reason">Why the emulator needed the change.</param>
public sealed record EmulatorConfigAdjustment(string Entity, string Field, string Original, string? Written, string Reason)
{
    public override string ToString() => Written is null
        ? $"{Entity} {Field}: {Original} omitted ({Reason})"
        : $"{Entity} {Field}: {Original} -> {Written} ({Reason})";
}
