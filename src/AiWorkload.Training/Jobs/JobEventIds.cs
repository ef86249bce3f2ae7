using System.Security.Cryptography;
using System.Text;

namespace AiWorkload.Training.Jobs;

/// <summary>
/// Event ids derived from the job id: a redone job re-publishes under the same ids, so the topic's duplicate detection and
/// idempotent consumers drop the repeats. Kept within Service Bus's 128-character MessageId limit.
/// </summary>
public static class JobEventIds
{
    private const int MaxLength = 128;

    public static string Started(string jobId) => For(jobId, "started");

    public static string Trained(string jobId) => For(jobId, "trained");

    public static string Promoted(string jobId) => For(jobId, "promoted");

    public static string Rejected(string jobId) => For(jobId, "rejected");

    public static string Failed(string jobId) => For(jobId, "failed");

    private static string For(string jobId, string suffix)
    {
        var id = $"{jobId}:{suffix}";
        return id.Length <= MaxLength
            ? id
            : $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jobId)))}:{suffix}";
    }
}
