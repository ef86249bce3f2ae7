using System.Text.Json.Serialization.Metadata;
using AiWorkload.Messaging;
using AiWorkload.Messaging.DeadLetters;
using AiWorkload.Messaging.Processing;
using AiWorkload.Messaging.Serialization;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class MessagingHostingExtensions
{
    /// <summary>
    /// Adds the messaging port: <see cref="IMessageBus"/>, <see cref="IDeadLetterQueues"/>, the hosted processors, telemetry and
    /// the depth monitor. An adapter (AddEmbeddedServiceBus, or the Azure one) provides the <see cref="IMessagingTransport"/>.
    /// </summary>
    public static IMessagingBuilder AddMessaging(this IHostApplicationBuilder builder, Action<MessagingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddMessaging(configure);
    }

    public static IMessagingBuilder AddMessaging(this IServiceCollection services, Action<MessagingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(MessageProcessorService)))
        {
            return new MessagingBuilder(services);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMessagingTransport>(_ => throw new InvalidOperationException(
            "No Service Bus adapter is registered: call AddEmbeddedServiceBus() (local) or the Azure Service Bus adapter's registration."));
        services.TryAddSingleton<MessagingTelemetry>();
        services.TryAddSingleton(sp => new MessageTypeRegistry(
            sp.GetRequiredService<IOptions<MessagingRegistrations>>().Value.Types,
            sp.GetRequiredService<IOptions<MessagingOptions>>().Value.Topology));
        services.TryAddSingleton<IMessageBus, MessageBus>();
        services.TryAddSingleton<IDeadLetterQueues, DeadLetterQueues>();
        services.TryAddSingleton<MessageProcessorService>();
        services.TryAddSingleton(sp => new MessageProcessorsHealthCheck(sp.GetRequiredService<MessageProcessorService>()));
        services.TryAddSingleton(sp => new EntityDepthMonitor(
            sp.GetRequiredService<IMessagingTransport>(),
            sp.GetRequiredService<MessagingTelemetry>(),
            sp.GetRequiredService<IOptions<MessagingOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EntityDepthMonitor>>()));
        services.AddHostedService(sp => sp.GetRequiredService<MessageProcessorService>());

        // Every host that talks to the bus reports whether its processors are receiving, on /health.
        services.AddHealthChecks().AddCheck<MessageProcessorsHealthCheck>("messaging");
        services.AddHostedService(sp => sp.GetRequiredService<EntityDepthMonitor>());
        return new MessagingBuilder(services);
    }

    /// <summary>Registers an event published to <paramref name="topic"/>; its JSON contract comes from a source-generated context.</summary>
    public static IMessagingBuilder AddEvent<TEvent>(
        this IMessagingBuilder builder,
        string topic,
        JsonTypeInfo<TEvent> jsonTypeInfo,
        Action<MessageConventions<TEvent>>? conventions = null)
        where TEvent : class =>
        builder.AddMessageType(topic, MessageKind.Event, jsonTypeInfo, conventions);

    /// <summary>Registers a command sent to <paramref name="queue"/>; its JSON contract comes from a source-generated context.</summary>
    public static IMessagingBuilder AddCommand<TCommand>(
        this IMessagingBuilder builder,
        string queue,
        JsonTypeInfo<TCommand> jsonTypeInfo,
        Action<MessageConventions<TCommand>>? conventions = null)
        where TCommand : class =>
        builder.AddMessageType(queue, MessageKind.Command, jsonTypeInfo, conventions);

    /// <summary>Declares a hosted processor for a queue or subscription; add its handlers to the returned builder.</summary>
    public static IMessageProcessorBuilder AddProcessor(this IMessagingBuilder builder, MessageSource source, Action<MessageProcessorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        builder.Services.Configure<MessagingRegistrations>(r => r.GetOrAddProcessor(source));
        if (configure is not null)
        {
            builder.Services.Configure(source.EntityPath, configure);
        }

        return new MessageProcessorBuilder(builder.Services, source);
    }

    /// <summary>Handles <typeparamref name="TMessage"/> arriving at this processor; the handler is resolved per message from a new scope.</summary>
    public static IMessageProcessorBuilder AddHandler<TMessage, THandler>(this IMessageProcessorBuilder builder)
        where TMessage : class
        where THandler : class, IMessageHandler<TMessage>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddTransient<THandler>();
        var source = builder.Source;
        builder.Services.Configure<MessagingRegistrations>(r => r.GetOrAddProcessor(source).Add(HandlerBinding.Create<TMessage, THandler>()));
        return builder;
    }

    private static IMessagingBuilder AddMessageType<T>(
        this IMessagingBuilder builder,
        string destination,
        MessageKind kind,
        JsonTypeInfo<T> jsonTypeInfo,
        Action<MessageConventions<T>>? configure)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        var conventions = new MessageConventions<T>();
        configure?.Invoke(conventions);
        var type = new MessageType<T>(conventions.Subject ?? typeof(T).Name, destination, kind, jsonTypeInfo, conventions);
        builder.Services.Configure<MessagingRegistrations>(r => r.Types.Add(type));
        return builder;
    }
}
