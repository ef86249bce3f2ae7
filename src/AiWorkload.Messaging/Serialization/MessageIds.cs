using System.Security.Cryptography;
using System.Text;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Serialization;

/// <summary>
/// Derived transport ids for copies of a message (scheduled retries, resubmissions): distinct from the original so duplicate
/// detection lets them through, deterministic so a repeated copy is still caught, and within the 128-character limit.
/// </summary>
internal static class MessageIds
{
    public static string Derive(string originalMessageId, string suffix)
    {
        var candidate = $"{originalMessageId}:{suffix}";
        if (candidate.Length <= EntityDefaults.MaxMessageIdLength)
        {
            return candidate;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(originalMessageId)));
        return $"{hash}:{suffix}"[..Math.Min(EntityDefaults.MaxMessageIdLength, hash.Length + 1 + suffix.Length)];
    }

    public static void Check(string messageId, Type messageType)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            throw new ArgumentException($"The MessageId of {messageType.Name} is empty; it must be an idempotency key.");
        }

        if (messageId.Length > EntityDefaults.MaxMessageIdLength)
        {
            throw new ArgumentException($"The MessageId of {messageType.Name} is {messageId.Length} characters; Service Bus allows {EntityDefaults.MaxMessageIdLength}.");
        }
    }
}
