using System.Buffers.Binary;
using Azure.Messaging.ServiceBus;

namespace AiWorkload.Messaging.Amqp.Tests.Protocol;

public sealed class ConnectionTests
{
    [Fact]
    public async Task The_broker_sends_heartbeats_within_the_idle_time_out_the_client_asked_for()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        using var raw = await RawConnection.ConnectAsync(bus.Host.Options.Port);
        // The AMQP stack halves an advertised idle time-out and accepts no less than 5 s of it, so 10 s is the shortest.
        await raw.OpenAsync(idleTimeout: 10_000);

        // A client closes a connection on which nothing arrived within its idle time-out: an empty frame must come sooner.
        var (bytes, closed) = await raw.ReadAsync(TimeSpan.FromSeconds(9), _ => false);

        Assert.False(closed);
        Assert.True(CountEmptyFrames(bytes) >= 1, $"no empty frame in 9 s for a 10 s idle time-out");
    }

    [Fact]
    public async Task An_idle_time_out_below_the_minimum_is_refused_with_the_reason()
    {
        await using var bus = await LocalServiceBus.StartAsync();
        using var raw = await RawConnection.ConnectAsync(bus.Host.Options.Port);
        await raw.OpenAsync(idleTimeout: 500);

        var (bytes, _) = await raw.ReadAsync(TimeSpan.FromSeconds(10), text => text.Contains("idle timeout", StringComparison.OrdinalIgnoreCase));
        var text = System.Text.Encoding.ASCII.GetString(bytes);

        Assert.Contains("amqp:not-allowed", text, StringComparison.Ordinal);
        Assert.Contains("idle timeout", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Two_hundred_sdk_clients_on_their_own_connections_are_served_at_once()
    {
        const int Clients = 200;
        await using var bus = await LocalServiceBus.StartAsync();
        var clients = Enumerable.Range(0, Clients).Select(_ => new ServiceBusClient(bus.ConnectionString, LocalServiceBus.FastRetries())).ToList();
        var senders = clients.Select(c => c.CreateSender("orders")).ToList();
        try
        {
            await Task.WhenAll(senders.Select((s, i) => s.SendMessageAsync(new ServiceBusMessage($"c{i}") { MessageId = $"c{i}" })));

            Assert.True(bus.Host.ConnectionCount >= Clients, $"{bus.Host.ConnectionCount} connections open");
            Assert.Equal(Clients, bus.Engine.GetRuntimeProperties("orders").ActiveMessageCount);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static int CountEmptyFrames(byte[] bytes)
    {
        var count = 0;
        var offset = 8; // the broker's protocol header
        while (offset + 8 <= bytes.Length)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
            if (size == 8)
            {
                count++;
            }

            offset += Math.Max(size, 8);
        }

        return count;
    }
}
