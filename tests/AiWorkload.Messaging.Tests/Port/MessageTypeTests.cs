using AiWorkload.Messaging.Serialization;
using AiWorkload.Messaging.Topology;

namespace AiWorkload.Messaging.Tests.Port;

public sealed class MessageTypeTests
{
    private static MessageType<Order> Type(Action<MessageConventions<Order>> configure)
    {
        var conventions = new MessageConventions<Order>();
        configure(conventions);
        return new MessageType<Order>(conventions.Subject ?? nameof(Order), "orders", MessageKind.Command, PortJsonContext.Default.Order, conventions);
    }

    [Fact]
    public void The_envelope_follows_the_conventions()
    {
        var type = Type(c => c
            .IdentifiedBy(o => $"order-{o.Id}")
            .InSession(o => o.Id)
            .CorrelatedBy(_ => "corr")
            .WithProperty("quantity", o => o.Quantity)
            .WithTimeToLive(TimeSpan.FromHours(1)));

        var envelope = type.CreateTransportMessage(new Order("o1", 3), null);

        Assert.Equal("order-o1", envelope.MessageId);
        Assert.Equal("Order", envelope.Subject);
        Assert.Equal("application/json", envelope.ContentType);
        Assert.Equal("o1", envelope.SessionId);
        Assert.Equal("corr", envelope.CorrelationId);
        Assert.Equal(TimeSpan.FromHours(1), envelope.TimeToLive);
        Assert.Equal("Order", envelope.ApplicationProperties[MessageProperties.EventType]);
        Assert.Equal(3, envelope.ApplicationProperties["quantity"]);
        Assert.Equal("""{"Id":"o1","Quantity":3}""", System.Text.Encoding.UTF8.GetString(envelope.Body.Span));
        Assert.Equal(new Order("o1", 3), type.Deserialize(envelope.Body));
    }

    [Fact]
    public void Options_override_the_conventions_per_send()
    {
        var type = Type(c => c.IdentifiedBy(o => $"order-{o.Id}").WithSubject("OrderPlaced").WithProperty("p", _ => "convention"));

        var envelope = type.CreateTransportMessage(new Order("o1", 3), new MessageOptions
        {
            MessageId = "explicit",
            SessionId = "s",
            Properties = new Dictionary<string, object?> { ["p"] = "explicit" },
        });

        Assert.Equal("explicit", envelope.MessageId);
        Assert.Equal("OrderPlaced", envelope.Subject);
        Assert.Equal("s", envelope.SessionId);
        Assert.Equal("explicit", envelope.ApplicationProperties["p"]);
    }

    [Fact]
    public void Without_an_idempotency_key_the_send_is_refused()
    {
        var type = Type(_ => { });

        var error = Assert.Throws<InvalidOperationException>(() => type.CreateTransportMessage(new Order("o1", 1), null));
        Assert.Contains("IdentifiedBy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_id_longer_than_Service_Bus_allows_is_refused()
    {
        var type = Type(c => c.IdentifiedBy(_ => new string('x', 129)));

        Assert.Throws<ArgumentException>(() => type.CreateTransportMessage(new Order("o1", 1), null));
    }

    [Fact]
    public void Two_types_with_one_subject_are_refused_because_receivers_could_not_tell_them_apart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MessageTypeRegistry([
            Type(c => c.WithSubject("Same")),
            new MessageType<Order>("Same", "orders", MessageKind.Command, PortJsonContext.Default.Order, new MessageConventions<Order>()),
        ]));

        Assert.Contains("registered twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_sent_to_an_entity_the_topology_lacks_is_refused()
    {
        var topology = new TopologyModel([new QueueDefinition("orders")], [new TopicDefinition("events")]);
        var asEvent = new MessageType<Order>("Order", "orders", MessageKind.Event, PortJsonContext.Default.Order, new MessageConventions<Order>());

        _ = new MessageTypeRegistry([Type(_ => { })], topology);
        var error = Assert.Throws<InvalidOperationException>(() => new MessageTypeRegistry([asEvent], topology));
        Assert.Contains("topic 'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_type_is_found_by_its_subject()
    {
        var registry = new MessageTypeRegistry([Type(c => c.WithSubject("OrderPlaced"))]);

        Assert.True(registry.TryGetBySubject("OrderPlaced", out var type));
        Assert.Equal(typeof(Order), type.ClrType);
        Assert.False(registry.TryGetBySubject("orderplaced", out _));
        Assert.False(registry.TryGetBySubject(null, out _));
    }
}
