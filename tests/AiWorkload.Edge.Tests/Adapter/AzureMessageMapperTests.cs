// Targets Azure.Messaging.ServiceBus 7.20.1: ServiceBusModelFactory.ServiceBusReceivedMessage, ServiceBusMessage.
using AiWorkload.Messaging;
using AiWorkload.Messaging.AzureServiceBus;
using AiWorkload.Messaging.Transport;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Edge.Tests.Adapter;

/// <summary>The adapter's field mapping, on messages built by the SDK's model factory: no broker needed.</summary>
public sealed class AzureMessageMapperTests
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void An_outgoing_message_carries_every_field_and_the_trace_context_untouched()
    {
        var message = new TransportMessage
        {
            Body = "{\"modelId\":\"m-1\"}"u8.ToArray(),
            MessageId = "retrain:m-1:7",
            Subject = "RetrainModel",
            ContentType = "application/json",
            SessionId = "m-1",
            PartitionKey = "m-1",
            CorrelationId = "run-1",
            TimeToLive = TimeSpan.FromMinutes(5),
            ApplicationProperties = { [MessageProperties.TraceParent] = TraceParent, [MessageProperties.DiagnosticId] = TraceParent, [MessageProperties.ModelId] = "m-1" },
        };

        var outgoing = AzureMessageMapper.ToServiceBusMessage(message);

        Assert.Equal("{\"modelId\":\"m-1\"}", outgoing.Body.ToString());
        Assert.Equal("retrain:m-1:7", outgoing.MessageId);
        Assert.Equal("RetrainModel", outgoing.Subject);
        Assert.Equal("application/json", outgoing.ContentType);
        Assert.Equal("m-1", outgoing.SessionId);
        Assert.Equal("m-1", outgoing.PartitionKey);
        Assert.Equal("run-1", outgoing.CorrelationId);
        Assert.Equal(TimeSpan.FromMinutes(5), outgoing.TimeToLive);
        Assert.Equal(TraceParent, outgoing.ApplicationProperties[MessageProperties.TraceParent]);
        Assert.Equal(TraceParent, outgoing.ApplicationProperties[MessageProperties.DiagnosticId]);
        Assert.Equal("m-1", outgoing.ApplicationProperties[MessageProperties.ModelId]);
    }

    [Fact]
    public void Without_a_time_to_live_the_entity_default_applies()
    {
        var outgoing = AzureMessageMapper.ToServiceBusMessage(new TransportMessage { Body = Array.Empty<byte>(), MessageId = "m" });

        Assert.Equal(new ServiceBusMessage().TimeToLive, outgoing.TimeToLive);
        Assert.Null(outgoing.SessionId);
    }

    [Fact]
    public void A_received_message_maps_field_for_field_with_the_dead_letter_details()
    {
        var enqueued = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: new BinaryData("{}"u8.ToArray()),
            messageId: "m-2",
            partitionKey: "s-1",
            sessionId: "s-1",
            timeToLive: TimeSpan.FromHours(1),
            correlationId: "c-1",
            subject: "ModelTrained",
            contentType: "application/json",
            properties: new Dictionary<string, object>
            {
                [MessageProperties.TraceParent] = TraceParent,
                [MessageProperties.DeadLetterReason] = "PoisonMessage",
                [MessageProperties.DeadLetterErrorDescription] = "bad body",
            },
            deliveryCount: 3,
            lockedUntil: enqueued.AddMinutes(1),
            sequenceNumber: 42,
            deadLetterSource: "pipeline-runs",
            enqueuedTime: enqueued);

        var message = AzureMessageMapper.ToTransport(received);

        Assert.Equal("{}", System.Text.Encoding.UTF8.GetString(message.Body.Span));
        Assert.Equal("m-2", message.MessageId);
        Assert.Equal("s-1", message.SessionId);
        Assert.Equal("s-1", message.PartitionKey);
        Assert.Equal("c-1", message.CorrelationId);
        Assert.Equal("ModelTrained", message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(TimeSpan.FromHours(1), message.TimeToLive);
        Assert.Equal(42, message.SequenceNumber);
        Assert.Equal(3, message.DeliveryCount);
        Assert.Equal(enqueued, message.EnqueuedTime);
        Assert.Equal(received.ExpiresAt, message.ExpiresAt);
        Assert.Equal(enqueued.AddMinutes(1), message.LockedUntil);
        Assert.Equal("pipeline-runs", message.DeadLetterSource);
        Assert.Equal("PoisonMessage", message.DeadLetterReason);
        Assert.Equal("bad body", message.DeadLetterErrorDescription);
        Assert.Equal(TraceParent, message.ApplicationProperties[MessageProperties.TraceParent]);
    }

    [Fact]
    public void No_properties_to_modify_stays_null_so_the_plain_overloads_are_used()
    {
        Assert.Null(AzureMessageMapper.ToPropertiesToModify(null));
        Assert.Equal("x", AzureMessageMapper.ToPropertiesToModify(new Dictionary<string, object?> { ["note"] = "x" })!["note"]);
    }
}
