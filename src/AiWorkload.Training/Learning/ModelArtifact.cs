using System.Security.Cryptography;

namespace AiWorkload.Training.Learning;

/// <summary>
/// What a training run hands to storage: bytes plus the content type that says how to load them. Built-in
/// trainers produce <see cref="TrainedModel.ArtifactContentType"/> JSON; external trainers produce opaque bytes.
/// </summary>
public sealed record ModelArtifact(string ContentType, byte[] Bytes)
{
    /// <summary>Lower-case hex SHA-256 of the bytes, for registries that deduplicate or verify artifacts.</summary>
    public string ComputeSha256() => Convert.ToHexStringLower(SHA256.HashData(Bytes));
}
