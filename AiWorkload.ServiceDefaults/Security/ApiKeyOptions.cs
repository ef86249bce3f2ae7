namespace AiWorkload.ServiceDefaults.Security;

/// <summary>The keys read from <see cref="ApiKeyDefaults.ConfigurationSection"/>, with any configuration mistakes found on the way.</summary>
public sealed class ApiKeyOptions
{
    public List<ApiKeyCredential> Keys { get; } = [];

    /// <summary>Each names the configuration path at fault; the host refuses to start while any remain.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>With no key configured only loopback callers are served (see the README of ServiceDefaults).</summary>
    public bool LocalOnly => Keys.Count == 0;
}
