namespace AiWorkload.ServiceDefaults.Security;

/// <summary>The per-key fixed window, from <c>RateLimiting:PermitLimit</c> and <c>RateLimiting:WindowSeconds</c>.</summary>
public sealed class RateLimitOptions
{
    public const string ConfigurationSection = "RateLimiting";

    /// <summary>Requests one caller may make per window.</summary>
    public int PermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;
}
