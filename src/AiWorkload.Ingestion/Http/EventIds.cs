using System.Security.Cryptography;
using System.Text;

namespace AiWorkload.Ingestion.Http;

/// <summary>
/// Deterministic event ids from business keys: the same fact always gets the same MessageId, so a re-published event is
/// dropped by duplicate detection. Ids longer than Service Bus allows (128) keep their prefix and hash the rest.
/// </summary>
internal static class EventIds
{
    private const int MaxLength = 128;

    public static string Create(string prefix, params string[] parts)
    {
        var id = $"{prefix}:{string.Join(':', parts)}";
        return id.Length <= MaxLength
            ? id
            : $"{prefix}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))}";
    }
}
