using System.Buffers.Binary;
using System.Text;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Amqp.Framing;

namespace AiWorkload.Messaging.Amqp.Tests.Protocol;

/// <summary>What a broker owes everyone else when one client misbehaves: the offender gets a precise error, the rest go on.</summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_client_that_does_not_speak_amqp_is_disconnected()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        using var raw = await RawConnection.ConnectAsync(bus.Host.Options.Port);

        await raw.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        var (bytes, closed) = await raw.ReadAsync(Patience);

        Assert.True(closed);
        Assert.True(bytes.Length == 0 || Encoding.ASCII.GetString(bytes).StartsWith("AMQP", StringComparison.Ordinal));
        await AssertOthersAreServedAsync(bus);
    }

    [Fact]
    public async Task A_malformed_frame_closes_only_that_connection_with_an_amqp_error_naming_the_fault()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        using var raw = await RawConnection.ConnectAsync(bus.Host.Options.Port);
        await raw.OpenAsync();

        // A well-framed performative with a descriptor no AMQP type has, and garbage after it.
        await raw.WriteAsync([0, 0, 0, 14, 2, 0, 0, 0, 0x00, 0x53, 0x77, 0x45, 0x45, 0x45]);
        var (bytes, _) = await raw.ReadAsync(Patience, text => text.Contains("amqp:invalid-field", StringComparison.Ordinal));

        // A close performative naming the fault; the broker then waits for the client's close, as AMQP has it.
        Assert.Contains("amqp:invalid-field", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        await AssertOthersAreServedAsync(bus);
    }

    [Fact]
    public async Task A_frame_larger_than_the_negotiated_maximum_closes_that_connection()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        using var raw = await RawConnection.ConnectAsync(bus.Host.Options.Port);
        await raw.OpenAsync();

        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, 64 * 1024 * 1024);
        header[4] = 2;
        await raw.WriteAsync(header);
        await raw.WriteAsync(new byte[4096]);
        var (_, closed) = await raw.ReadAsync(Patience);

        // The AMQP stack drops the transport at once, before reading megabytes it would refuse anyway.
        Assert.True(closed);
        await AssertOthersAreServedAsync(bus);
    }

    [Fact]
    public async Task A_performative_out_of_order_closes_that_connection_with_an_amqp_error()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        using var raw = await RawConnection.ConnectAsync(bus.Host.Options.Port);
        await raw.OpenAsync();

        // A transfer on a session that was never begun, on a link that was never attached.
        await raw.WriteAsync(new Transfer { Handle = 7, DeliveryId = 0, DeliveryTag = new ArraySegment<byte>([1]), MessageFormat = 0 }, channel: 3);
        var (bytes, closed) = await raw.ReadAsync(Patience, text => text.Contains("amqp:", StringComparison.Ordinal));

        Assert.Contains("amqp:", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.True(closed || bytes.Length > 0);
        await AssertOthersAreServedAsync(bus);
    }

    [Fact]
    public async Task An_unknown_address_is_refused_with_not_found_naming_it()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        await using var sender = bus.Client().CreateSender("no-such-queue");

        var refused = await Assert.ThrowsAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x")));

        Assert.Equal(ServiceBusFailureReason.MessagingEntityNotFound, refused.Reason);
        Assert.Contains("no-such-queue", refused.Message, StringComparison.Ordinal);
        await AssertOthersAreServedAsync(bus);
    }

    [Fact]
    public async Task A_client_that_stops_reading_does_not_hold_up_anyone_else()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        var client = bus.Client();
        await using (var filler = client.CreateSender("deduplicated"))
        {
            var body = new byte[16 * 1024];
            for (var i = 0; i < 20; i++)
            {
                var batch = await filler.CreateMessageBatchAsync();
                for (var j = 0; j < 10 && batch.TryAddMessage(new ServiceBusMessage(body) { MessageId = $"fill-{i}-{j}" }); j++)
                {
                }

                await filler.SendMessagesAsync(batch);
            }
        }

        using var stalled = await RawConnection.ConnectAsync(bus.Host.Options.Port);
        await stalled.OpenWithKeyAsync("RootManageSharedAccessKey", "SAS_KEY_VALUE");
        await stalled.WriteAsync(new Begin { NextOutgoingId = 0, IncomingWindow = uint.MaxValue, OutgoingWindow = uint.MaxValue }, channel: 0);
        await stalled.WriteAsync(new Attach
        {
            LinkName = "stalled",
            Handle = 0,
            Role = true,
            SndSettleMode = 0,
            RcvSettleMode = 1,
            Source = new Source { Address = "deduplicated" },
            Target = new Target { Address = "stalled" },
        });
        await stalled.WriteAsync(new Flow { Handle = 0, DeliveryCount = 0, LinkCredit = 10_000, NextIncomingId = 0, IncomingWindow = uint.MaxValue, NextOutgoingId = 0, OutgoingWindow = uint.MaxValue });

        // The stalled client never reads again, while the broker pushes megabytes at it.
        await Task.Delay(500);
        await AssertOthersAreServedAsync(bus);
    }

    private static async Task AssertOthersAreServedAsync(LocalServiceBus bus)
    {
        await using var client = new ServiceBusClient(bus.ConnectionString, LocalServiceBus.FastRetries());
        await using var sender = client.CreateSender("orders");
        await using var receiver = client.CreateReceiver("orders");
        var probe = "probe-" + Guid.NewGuid().ToString("N");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        await sender.SendMessageAsync(new ServiceBusMessage(probe) { MessageId = probe }, deadline.Token);
        ServiceBusReceivedMessage? received;
        do
        {
            received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(5), deadline.Token);
            Assert.NotNull(received);
            await receiver.CompleteMessageAsync(received, deadline.Token);
        }
        while (received.MessageId != probe);
    }
}
