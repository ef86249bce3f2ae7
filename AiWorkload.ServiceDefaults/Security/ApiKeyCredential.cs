namespace AiWorkload.ServiceDefaults.Security;

/// <summary>A configured key as the handler holds it: only the SHA-256 of the secret, so nothing in memory or logs reveals it.</summary>
public sealed record ApiKeyCredential(string Name, ReadOnlyMemory<byte> Sha256, IReadOnlySet<string> Scopes);
