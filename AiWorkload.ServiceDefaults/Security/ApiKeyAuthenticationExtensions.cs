using AiWorkload.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class ApiKeyAuthenticationExtensions
{
    /// <summary>
    /// API-key authentication (<c>X-Api-Key</c>), the <c>workload.read</c> / <c>workload.write</c> policies and the
    /// <c>workload.per-key</c> rate limit. Safe to call from every service a host composes: the first call registers.
    /// Pair it with <see cref="Microsoft.AspNetCore.Builder.ApiKeyApplicationExtensions.UseApiKeyAuthentication"/>.
    /// </summary>
    public static TBuilder AddApiKeyAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ApiKeyAuthenticationHandler)))
        {
            return builder;
        }

        // Every service's problems look alike even in a host that skipped AddServiceDefaults (tests, tools).
        services.AddProblemDefaults();
        services.AddOptions<ApiKeyOptions>()
            .Configure<IConfiguration>((options, configuration) => ApiKeyConfigurationReader.Read(configuration, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidation>();
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.ConfigurationSection)
            .Validate(o => o.PermitLimit > 0, $"{RateLimitOptions.ConfigurationSection}:PermitLimit must be positive.")
            .Validate(o => o.WindowSeconds > 0, $"{RateLimitOptions.ConfigurationSection}:WindowSeconds must be positive.")
            .ValidateOnStart();
        services.AddHostedService<LocalOnlyWarning>();

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.ReadPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.ReadScope, ApiKeyDefaults.WriteScope))
            .AddPolicy(ApiKeyDefaults.WritePolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyDefaults.ScopeClaim, ApiKeyDefaults.WriteScope));
        services.AddRateLimiter(WorkloadRateLimiting.Configure);
        return builder;
    }
}
