using AiWorkload.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Publishes <typeparamref name="TStore"/>'s outbox through <typeparamref name="TPublisher"/>: the dispatcher (a hosted
    /// service), its wake-up signal, its options (named after the store type; the caller binds them to its configuration
    /// through the builder returned) and, with <paramref name="healthCheckName"/>, a health check that degrades while
    /// entries wait. Adding it twice adds it once.
    /// </summary>
    public static OptionsBuilder<OutboxOptions> AddOutboxDispatcher<TStore, TPublisher>(this IServiceCollection services, string? healthCheckName = null)
        where TStore : class, IOutboxStore
        where TPublisher : class, IOutboxPublisher<TStore>
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = typeof(TStore).Name;
        var options = services.AddOptions<OutboxOptions>(name);
        if (services.Any(d => d.ServiceType == typeof(OutboxSignal<TStore>)))
        {
            return options;
        }

        options
            .Validate(o => o.SweepInterval > TimeSpan.Zero && o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, $"The {name} outbox intervals must be positive, MaxRetryDelay at least RetryDelay.")
            .Validate(o => o.BatchSize > 0, $"The {name} outbox BatchSize must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal<TStore>>();
        services.TryAddSingleton<IOutboxPublisher<TStore>, TPublisher>();
        services.AddSingleton(sp => new OutboxDispatcher<TStore>(
            sp.GetRequiredService<TStore>(),
            sp.GetRequiredService<IOutboxPublisher<TStore>>(),
            sp.GetRequiredService<OutboxSignal<TStore>>(),
            sp.GetRequiredService<IOptionsMonitor<OutboxOptions>>().Get(name),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxDispatcher<TStore>>>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxDispatcher<TStore>>());
        if (healthCheckName is not null)
        {
            services.AddHealthChecks().AddCheck<OutboxHealthCheck<TStore>>(healthCheckName);
        }

        return options;
    }
}
