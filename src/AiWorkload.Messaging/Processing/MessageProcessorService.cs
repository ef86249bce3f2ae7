using AiWorkload.Messaging.Serialization;
using AiWorkload.Messaging.Telemetry;
using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Messaging.Processing;

/// <summary>Starts one transport processor per declared queue or subscription, each feeding a <see cref="MessageDispatcher"/>.</summary>
internal sealed class MessageProcessorService(
    IOptions<MessagingRegistrations> registrations,
    IOptions<MessagingOptions> messagingOptions,
    IOptionsMonitor<MessageProcessorOptions> processorOptions,
    MessageTypeRegistry types,
    IServiceScopeFactory scopes,
    IMessagingTransport transport,
    MessagingTelemetry telemetry,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<MessageProcessorService>();
    private readonly List<ITransportProcessor> _processors = [];

    public IReadOnlyList<ITransportProcessor> Processors => _processors;

    public bool IsStarted { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Build everything first, so a configuration mistake fails the host before any message is taken.
        var created = registrations.Value.Processors.Values.Select(CreateProcessor).ToList();
        _processors.AddRange(created);
        foreach (var processor in _processors)
        {
            await processor.StartAsync(cancellationToken);
            _logger.LogInformation("Processing messages from {Source}", processor.Source);
        }

        IsStarted = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsStarted = false;
        await Task.WhenAll(_processors.Select(p => p.StopAsync(cancellationToken)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var processor in _processors)
        {
            await processor.DisposeAsync();
        }

        _processors.Clear();
    }

    private ITransportProcessor CreateProcessor(ProcessorRegistration registration)
    {
        var source = registration.Source;
        var options = processorOptions.Get(source.EntityPath);
        var settings = ProcessorSettingsResolver.Resolve(source, options, messagingOptions.Value.Topology);
        foreach (var handler in registration.Handlers.Values)
        {
            if (!types.TryGet(handler.MessageType, out _))
            {
                throw new InvalidOperationException(
                    $"{source} handles {handler.MessageType.Name}, which is not a registered message type: register it with AddEvent or AddCommand.");
            }
        }

        var dispatcher = new MessageDispatcher(registration, options, types, scopes, transport, telemetry, time, loggers.CreateLogger<MessageDispatcher>());
        return transport.CreateProcessor(settings, dispatcher.DispatchAsync, OnErrorAsync);
    }

    private Task OnErrorAsync(TransportError error)
    {
        _logger.LogError(error.Exception, "{Operation} failed on {Source}", error.Operation, error.Source);
        return Task.CompletedTask;
    }
}
