namespace AiWorkload.ServiceDefaults.Security;

/// <summary>The names every AiWorkload API agrees on: the scheme, the header, the scopes, and the policies endpoints require.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>Where the keys are configured: <c>Authentication:ApiKeys:{n}:Name</c>, <c>:Key</c> or <c>:KeySha256</c>, <c>:Scopes</c>.</summary>
    public const string ConfigurationSection = "Authentication:ApiKeys";

    public const string ScopeClaim = "scope";

    public const string ReadScope = "read";

    public const string WriteScope = "write";

    /// <summary>Reads: a key with the read or the write scope.</summary>
    public const string ReadPolicy = "workload.read";

    /// <summary>Changes: a key with the write scope.</summary>
    public const string WritePolicy = "workload.write";

    /// <summary>The rate-limiting policy: one fixed window per key name, or per remote address for anonymous callers.</summary>
    public const string RateLimitPolicy = "workload.per-key";

    /// <summary>The caller when no key is configured and the request comes from this machine (local development, Standalone).</summary>
    public const string LocalCallerName = "local";
}
