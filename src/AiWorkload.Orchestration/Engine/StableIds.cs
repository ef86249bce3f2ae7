using System.Security.Cryptography;
using System.Text;

namespace AiWorkload.Orchestration.Engine;

/// <summary>
/// Deterministic ids for everything a run emits: the same logical message always gets the same id, so duplicate
/// detection and the receivers' idempotency absorb a resend after a crash. Service Bus caps MessageId at 128 characters;
/// longer ids keep a readable prefix and end in a hash of the whole.
/// </summary>
internal static class StableIds
{
    public const int MaxLength = 128;

    public static string Limit(string id)
    {
        if (id.Length <= MaxLength)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];
        return $"{id[..(MaxLength - hash.Length - 1)]}~{hash}";
    }

    /// <summary>A short hash for ids derived from another message's id (a run started by an event).</summary>
    public static string ShortHash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];

    public static string Timer(string runId, string activity, int attempt, string kind) => Limit($"timer:{runId}:{activity}:{attempt}:{kind}");

    public static string RunChanged(string runId, string state) => Limit($"run:{runId}:{state}");
}
