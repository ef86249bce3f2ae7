using Azure.Core.Amqp;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests;

public sealed class SenderTests
{
    [Fact]
    public async Task A_single_message_carries_every_property_the_sdk_maps()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString("{\"id\":1}"))
        {
            MessageId = "m-props",
            CorrelationId = "corr-1",
            Subject = "subject-1",
            To = "someone",
            ReplyTo = "replies",
            ReplyToSessionId = "reply-session",
            ContentType = "application/json",
            TimeToLive = TimeSpan.FromMinutes(5),
        });

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver);

        Assert.Equal("{\"id\":1}", received.Body.ToString());
        Assert.Equal("m-props", received.MessageId);
        Assert.Equal("corr-1", received.CorrelationId);
        Assert.Equal("subject-1", received.Subject);
        Assert.Equal("someone", received.To);
        Assert.Equal("replies", received.ReplyTo);
        Assert.Equal("reply-session", received.ReplyToSessionId);
        Assert.Equal("application/json", received.ContentType);
        Assert.Equal(TimeSpan.FromMinutes(5), received.TimeToLive);
        Assert.InRange(received.EnqueuedTime, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(received.EnqueuedTime + TimeSpan.FromMinutes(5), received.ExpiresAt);
        Assert.True(received.SequenceNumber > 0);
        Assert.True(received.LockedUntil > DateTimeOffset.UtcNow);
        Assert.Equal(ServiceBusMessageState.Active, received.State);
    }

    [Fact]
    public async Task A_session_id_is_carried_to_the_session_receiver()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("sessions");
        await sender.SendMessageAsync(new ServiceBusMessage("s") { SessionId = "session-a", PartitionKey = "session-a" });

        await using var receiver = await client.AcceptSessionAsync("sessions", "session-a");
        var received = await Receiving.ReceiveOneAsync(receiver);

        Assert.Equal("session-a", received.SessionId);
        Assert.Equal("session-a", received.PartitionKey);
    }

    [Fact]
    public async Task A_partition_key_round_trips()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessageAsync(new ServiceBusMessage("p") { PartitionKey = "tenant-7" });

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver);

        Assert.Equal("tenant-7", received.PartitionKey);
    }

    [Fact]
    public async Task Application_properties_of_many_types_round_trip()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var offset = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(2));
        var moment = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        var guid = Guid.NewGuid();
        var message = new ServiceBusMessage("typed");
        message.ApplicationProperties["string"] = "text";
        message.ApplicationProperties["int"] = 42;
        message.ApplicationProperties["long"] = 1L << 40;
        message.ApplicationProperties["double"] = 3.25;
        message.ApplicationProperties["bool"] = true;
        message.ApplicationProperties["guid"] = guid;
        message.ApplicationProperties["bytes"] = new byte[] { 1, 2, 3 };
        message.ApplicationProperties["datetimeoffset"] = offset;
        message.ApplicationProperties["datetime"] = moment;
        message.ApplicationProperties["timespan"] = TimeSpan.FromMilliseconds(1234.5);
        message.ApplicationProperties["uri"] = new Uri("https://example.com/models/7");
        message.ApplicationProperties["char"] = 'x';
        message.ApplicationProperties["decimal"] = 12.5m;
        await sender.SendMessageAsync(message);

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver);
        var properties = received.ApplicationProperties;

        Assert.Equal("text", properties["string"]);
        Assert.Equal(42, properties["int"]);
        Assert.Equal(1L << 40, properties["long"]);
        Assert.Equal(3.25, properties["double"]);
        Assert.Equal(true, properties["bool"]);
        Assert.Equal(guid, properties["guid"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, Assert.IsType<byte[]>(properties["bytes"]));
        Assert.Equal(offset, properties["datetimeoffset"]);
        Assert.Equal(moment, properties["datetime"]);
        Assert.Equal(TimeSpan.FromMilliseconds(1234.5), properties["timespan"]);
        Assert.Equal(new Uri("https://example.com/models/7"), properties["uri"]);
        Assert.Equal('x', properties["char"]);
        Assert.Equal(12.5m, properties["decimal"]);
    }

    [Fact]
    public async Task A_batch_created_with_CreateMessageBatchAsync_arrives_whole_and_in_order()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        using var batch = await sender.CreateMessageBatchAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(batch.TryAddMessage(new ServiceBusMessage($"b-{i}") { MessageId = $"b-{i}" }));
        }

        Assert.True(batch.MaxSizeInBytes > 0);
        await sender.SendMessagesAsync(batch);

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveAllAsync(receiver, 5);

        Assert.Equal(["b-0", "b-1", "b-2", "b-3", "b-4"], received.Select(m => m.Body.ToString()));
        Assert.Equal(["b-0", "b-1", "b-2", "b-3", "b-4"], received.Select(m => m.MessageId));
        Assert.Equal(received.Select(m => m.SequenceNumber).Order(), received.Select(m => m.SequenceNumber));
    }

    [Fact]
    public async Task A_list_sent_with_SendMessagesAsync_arrives_whole_and_in_order()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        await sender.SendMessagesAsync(Enumerable.Range(0, 4).Select(i => new ServiceBusMessage($"l-{i}") { Subject = $"s-{i}" }).ToList());

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveAllAsync(receiver, 4);

        Assert.Equal(["l-0", "l-1", "l-2", "l-3"], received.Select(m => m.Body.ToString()));
        Assert.Equal(["s-0", "s-1", "s-2", "s-3"], received.Select(m => m.Subject));
        Assert.Equal(4, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
    }

    [Fact]
    public async Task A_scheduled_message_stays_invisible_until_its_time()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("later"), at);
        Assert.True(sequenceNumber > 0);

        await using var receiver = client.CreateReceiver("orders");
        var peeked = await receiver.PeekMessageAsync();
        Assert.NotNull(peeked);
        Assert.Equal(sequenceNumber, peeked.SequenceNumber);
        Assert.Equal(ServiceBusMessageState.Scheduled, peeked.State);

        var received = await Receiving.ReceiveOneAsync(receiver, TimeSpan.FromSeconds(8));
        Assert.True(DateTimeOffset.UtcNow >= at, $"received at {DateTimeOffset.UtcNow:O}, scheduled for {at:O}");
        Assert.Equal("later", received.Body.ToString());
        Assert.Equal(at.ToUnixTimeMilliseconds(), received.ScheduledEnqueueTime.ToUnixTimeMilliseconds());
        Assert.Equal(ServiceBusMessageState.Active, received.State);
    }

    [Fact]
    public async Task A_cancelled_scheduled_message_never_arrives()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var sequenceNumber = await sender.ScheduleMessageAsync(new ServiceBusMessage("never"), DateTimeOffset.UtcNow.AddSeconds(1));
        await sender.CancelScheduledMessageAsync(sequenceNumber);

        await using var receiver = client.CreateReceiver("orders");
        Assert.Null(await receiver.PeekMessageAsync());
        Assert.Null(await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task ScheduledEnqueueTime_on_a_sent_message_delays_it()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var at = DateTimeOffset.UtcNow.AddSeconds(2);
        await sender.SendMessageAsync(new ServiceBusMessage("delayed") { ScheduledEnqueueTime = at });

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver, TimeSpan.FromSeconds(8));
        Assert.True(DateTimeOffset.UtcNow >= at, $"received at {DateTimeOffset.UtcNow:O}, scheduled for {at:O}");

        Assert.Equal("delayed", received.Body.ToString());
        Assert.Equal(at.ToUnixTimeMilliseconds(), received.ScheduledEnqueueTime.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_value_body_round_trips_through_the_raw_amqp_message()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var amqp = new AmqpAnnotatedMessage(AmqpMessageBody.FromValue("a value body"));
        amqp.Properties.MessageId = new AmqpMessageId("value-1");
        await sender.SendMessageAsync(new ServiceBusMessage(amqp));

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver);
        var raw = received.GetRawAmqpMessage();

        Assert.Equal(AmqpMessageBodyType.Value, raw.Body.BodyType);
        Assert.True(raw.Body.TryGetValue(out var value));
        Assert.Equal("a value body", value);
        Assert.Equal("value-1", received.MessageId);
    }

    [Fact]
    public async Task A_sequence_body_round_trips_through_the_raw_amqp_message()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("orders");
        var sections = new List<IList<object>> { new List<object> { 1, "two" }, new List<object> { 3L, true } };
        await sender.SendMessageAsync(new ServiceBusMessage(new AmqpAnnotatedMessage(AmqpMessageBody.FromSequence(sections))));

        await using var receiver = client.CreateReceiver("orders");
        var received = await Receiving.ReceiveOneAsync(receiver);
        var raw = received.GetRawAmqpMessage();

        Assert.Equal(AmqpMessageBodyType.Sequence, raw.Body.BodyType);
        Assert.True(raw.Body.TryGetSequence(out var sequence));
        var list = sequence!.ToList();
        Assert.Equal(2, list.Count);
        Assert.Equal(new object[] { 1, "two" }, list[0]);
        Assert.Equal(new object[] { 3L, true }, list[1]);
    }

    [Fact]
    public async Task A_duplicate_message_id_is_dropped_on_a_deduplicated_queue()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using var sender = client.CreateSender("deduplicated");
        await sender.SendMessageAsync(new ServiceBusMessage("first") { MessageId = "same" });
        await sender.SendMessageAsync(new ServiceBusMessage("second") { MessageId = "same" });
        await sender.SendMessageAsync(new ServiceBusMessage("other") { MessageId = "different" });

        await using var receiver = client.CreateReceiver("deduplicated", new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        var received = await receiver.PeekMessagesAsync(10);

        Assert.Equal(["first", "other"], received.Select(m => m.Body.ToString()));
    }
}
