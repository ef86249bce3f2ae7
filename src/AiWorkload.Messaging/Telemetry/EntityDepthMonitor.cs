using AiWorkload.Messaging.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiWorkload.Messaging.Telemetry;

/// <summary>
/// Polls the depth of every queue and subscription in the topology for the gauges. Gauge callbacks must not block on the
/// broker, so they report the last poll's counts.
/// </summary>
public sealed class EntityDepthMonitor : BackgroundService
{
    private readonly IMessagingTransport _transport;
    private readonly MessagingTelemetry _telemetry;
    private readonly MessagingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EntityDepthMonitor> _logger;

    internal EntityDepthMonitor(IMessagingTransport transport, MessagingTelemetry telemetry, IOptions<MessagingOptions> options, TimeProvider time, ILogger<EntityDepthMonitor> logger)
    {
        _transport = transport;
        _telemetry = telemetry;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public IEnumerable<MessageSource> Sources =>
        _options.Topology.Queues.Select(q => MessageSource.Queue(q.Name))
            .Concat(_options.Topology.Topics.SelectMany(t => t.Subscriptions.Select(s => MessageSource.Subscription(t.Name, s.Name))));

    /// <summary>Reads every entity's counts now; an entity that cannot be read keeps its last value.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        foreach (var source in Sources)
        {
            try
            {
                _telemetry.UpdateDepth(source, await _transport.GetMessageCountsAsync(source, cancellationToken));
            }
            catch (MessagingException error)
            {
                _logger.LogWarning(error, "Could not read the depth of {Source}", source);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.DepthPollingInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.DepthPollingInterval, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                _logger.LogWarning(error, "Polling entity depths failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
