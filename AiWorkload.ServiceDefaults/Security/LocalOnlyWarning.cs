using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.ServiceDefaults.Security;

/// <summary>Says at start, once, that the service runs without keys and therefore serves this machine only.</summary>
internal sealed class LocalOnlyWarning(IOptions<ApiKeyOptions> keys, ILogger<LocalOnlyWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Value.LocalOnly)
        {
            logger.LogWarning(
                "No API key is configured under {Section}: requests from loopback addresses are accepted with every scope and all others get 401. Configure keys before exposing this service.",
                ApiKeyDefaults.ConfigurationSection);
        }
        else
        {
            logger.LogInformation("API keys configured: {KeyNames}", string.Join(", ", keys.Value.Keys.Select(k => k.Name)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
