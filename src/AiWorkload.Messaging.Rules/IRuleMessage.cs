namespace AiWorkload.Messaging.Rules;

/// <summary>
/// The view of a message that filters read and actions modify. The engine implements it over its own message type,
/// so the rule language never depends on how messages are stored.
/// </summary>
public interface IRuleMessage
{
    /// <summary>
    /// Reads a system property by its canonical name (see <see cref="SystemProperties"/>).
    /// Returns null when the message has no value, which filters treat as SQL NULL (unknown).
    /// </summary>
    object? GetSystemProperty(string name);

    /// <summary>Writes a settable system property (see <see cref="SystemProperties.IsSettable"/>); null clears it.</summary>
    void SetSystemProperty(string name, object? value);

    /// <summary>Looks an application property up; implementations must compare names case-insensitively.</summary>
    bool TryGetApplicationProperty(string name, out object? value);

    void SetApplicationProperty(string name, object? value);

    bool RemoveApplicationProperty(string name);
}
