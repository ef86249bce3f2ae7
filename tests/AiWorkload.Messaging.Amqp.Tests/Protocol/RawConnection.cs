using System.Net.Sockets;
using System.Text;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;

namespace AiWorkload.Messaging.Amqp.Tests.Protocol;

/// <summary>A socket that speaks AMQP frames by hand, so a test can send what no well-behaved client would.</summary>
internal sealed class RawConnection : IDisposable
{
    public static readonly byte[] AmqpHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 0, 1, 0, 0];
    public static readonly byte[] SaslHeader = [(byte)'A', (byte)'M', (byte)'Q', (byte)'P', 3, 1, 0, 0];

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        return new RawConnection(client);
    }

    public Task WriteAsync(byte[] bytes) => _stream.WriteAsync(bytes).AsTask();

    public Task WriteAsync(Performative command, ushort channel = 0, FrameType type = FrameType.Amqp) => WriteAsync(Encode(command, channel, type));

    /// <summary>Opens an AMQP connection with no SASL, asking the broker for heartbeats at <paramref name="idleTimeout"/>.</summary>
    public async Task OpenAsync(uint idleTimeout = 60_000)
    {
        await WriteAsync(AmqpHeader);
        await WriteAsync(new Open { ContainerId = "raw", HostName = "127.0.0.1", IdleTimeOut = idleTimeout, MaxFrameSize = 65536, ChannelMax = 8 });
    }

    /// <summary>SASL PLAIN by hand, then the AMQP header and open.</summary>
    public async Task OpenWithKeyAsync(string keyName, string key)
    {
        await WriteAsync(SaslHeader);
        await WriteAsync(new SaslInit { Mechanism = "PLAIN", InitialResponse = Encoding.UTF8.GetBytes($"\0{keyName}\0{key}") }, type: FrameType.Sasl);
        await OpenAsync();
    }

    /// <summary>Everything the broker sends for <paramref name="duration"/>, or until it closes the socket.</summary>
    public Task<(byte[] Bytes, bool Closed)> ReadAsync(TimeSpan duration) => ReadAsync(duration, _ => false);

    /// <summary>What the broker sends until <paramref name="enough"/> holds, it closes the socket, or <paramref name="duration"/> passes.</summary>
    public async Task<(byte[] Bytes, bool Closed)> ReadAsync(TimeSpan duration, Func<string, bool> enough)
    {
        using var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        using var stop = new CancellationTokenSource(duration);
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(buffer, stop.Token);
                if (read == 0)
                {
                    return (received.ToArray(), true);
                }

                received.Write(buffer, 0, read);
                if (enough(Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)received.Length)))
                {
                    return (received.ToArray(), false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return (received.ToArray(), false);
        }
        catch (IOException)
        {
            return (received.ToArray(), true);
        }
    }

    public static byte[] Encode(Performative command, ushort channel = 0, FrameType type = FrameType.Amqp)
    {
        using var buffer = Frame.EncodeCommand(type, channel, command, 0);
        return buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
