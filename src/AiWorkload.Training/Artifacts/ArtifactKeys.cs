using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AiWorkload.Training.Learning;

namespace AiWorkload.Training.Artifacts;

/// <summary>
/// Artifact keys: relative paths of safe segments, the same on a filesystem and as blob names. A version's key is
/// derived from the model, the job and the content hash, so a redone job writes the same key for the same model and
/// a key recorded in the registry always names the bytes whose metrics were recorded with it.
/// </summary>
public static partial class ArtifactKeys
{
    private const int MaxSegmentLength = 100;

    public static string ForVersion(string modelId, string jobId, ModelArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        var extension = artifact.ContentType == TrainedModel.ArtifactContentType ? ".json" : ".bin";
        return $"{Segment(modelId)}/{Segment(jobId)}/{artifact.ComputeSha256()[..16]}{extension}";
    }

    /// <summary>Throws an <see cref="ArgumentException"/> unless <paramref name="key"/> is a relative path of safe segments.</summary>
    public static void Validate(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (key.Length > 1024 || !key.Split('/').All(SafeSegment().IsMatch))
        {
            throw new ArgumentException($"'{key}' is not a valid artifact key: use '/'-separated segments of letters, digits, '.', '_' and '-', not starting with '.'.", nameof(key));
        }
    }

    /// <summary>The value itself when it is a safe segment; otherwise a readable stand-in made unique by a hash of the value.</summary>
    internal static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (value.Length <= MaxSegmentLength && SafeSegment().IsMatch(value))
        {
            return value;
        }

        var readable = UnsafeCharacters().Replace(value, "_").TrimStart('.');
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
        return $"{readable[..Math.Min(readable.Length, 48)]}-{hash}".TrimStart('-');
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex SafeSegment();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
