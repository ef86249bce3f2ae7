namespace AiWorkload.Training.Jobs;

/// <summary>
/// Fits a failure message into a dead-letter description (4096 characters at most). Trainer failures end with the
/// program's stderr, where the actual error usually is, so the end is kept and the middle is dropped.
/// </summary>
internal static class FailureText
{
    public const int MaxLength = 4096;
    private const int Head = 512;
    private const string Gap = "\n[...]\n";

    public static string Fit(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Length <= MaxLength
            ? message
            : string.Concat(message.AsSpan(0, Head), Gap, message.AsSpan(message.Length - (MaxLength - Head - Gap.Length)));
    }
}
