using AiWorkload.Messaging.Processing;
using AiWorkload.Messaging.Serialization;
using AiWorkload.Messaging.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiWorkload.Messaging.Tests.Port;

/// <summary>A dispatcher over fakes: the failure policy and settlement decisions, without a broker or a host.</summary>
internal sealed class DispatcherHarness : IDisposable
{
    private readonly MessagingTelemetry _telemetry = new();

    public DispatcherHarness(Func<Order, IMessageContext, CancellationToken, Task>? script = null, MessageSource? source = null, Action<MessageProcessorOptions>? configure = null, bool registerHandler = true)
    {
        Handler = new ScriptedHandler(script ?? ((_, _, _) => Task.CompletedTask));
        Source = source ?? MessageSource.Queue("work");
        var options = new MessageProcessorOptions { Retry = new RetryPolicy { InitialDelay = TimeSpan.Zero, UseJitter = false } };
        configure?.Invoke(options);
        var registration = new ProcessorRegistration(Source);
        if (registerHandler)
        {
            registration.Add(HandlerBinding.Create<Order, ScriptedHandler>());
        }

        Transport = new FakeTransport(Journal);
        Dispatcher = new MessageDispatcher(registration, options, Types, new HandlerServices(Handler), Transport, _telemetry, TimeProvider.System, NullLogger.Instance);
    }

    public static MessageTypeRegistry Types { get; } = new([
        new MessageType<Order>("Order", "work", MessageKind.Command, PortJsonContext.Default.Order, new MessageConventions<Order>().IdentifiedBy(o => $"order-{o.Id}")),
    ]);

    public List<string> Journal { get; } = [];

    public FakeTransport Transport { get; }

    public ScriptedHandler Handler { get; }

    public MessageSource Source { get; }

    public MessageDispatcher Dispatcher { get; }

    public FakeDelivery Delivery(string body = """{"Id":"o1","Quantity":2}""", string? subject = "Order", int deliveryCount = 1, Dictionary<string, object?>? properties = null) =>
        FakeDelivery.For(subject, body, deliveryCount, properties, Source);

    public Task DispatchAsync(FakeDelivery delivery, CancellationToken cancellationToken = default) => Dispatcher.DispatchAsync(delivery, cancellationToken);

    public void Dispose() => _telemetry.Dispose();
}
