using System.Buffers.Binary;
using System.Diagnostics;

namespace AiWorkload.Bench.Broker;

/// <summary>
/// A 1 KB body carrying its send-start timestamp and its index, so a receiver measures latency and spots
/// redeliveries without any shared dictionary between the sending and receiving sides.
/// </summary>
internal static class BenchMessageBody
{
    public const int Size = 1024;

    private static readonly byte[] Filler = CreateFiller();

    /// <summary>A fresh array each time: brokers may keep a reference to the body after the send returns.</summary>
    public static byte[] Create(int index, long sendStartTimestamp)
    {
        var body = new byte[Size];
        Filler.CopyTo(body, 0);
        BinaryPrimitives.WriteInt64LittleEndian(body, sendStartTimestamp);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), index);
        return body;
    }

    public static long ReadTimestamp(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadInt64LittleEndian(body);

    public static int ReadIndex(ReadOnlySpan<byte> body) => BinaryPrimitives.ReadInt32LittleEndian(body[8..]);

    public static double ElapsedMs(long fromTimestamp, long toTimestamp) =>
        (toTimestamp - fromTimestamp) * 1000.0 / Stopwatch.Frequency;

    // Non-repeating filler keeps any compression on the path (SQLite pages, RabbitMQ's store) from flattering either broker.
    private static byte[] CreateFiller()
    {
        var filler = new byte[Size];
        new Random(42).NextBytes(filler);
        return filler;
    }
}
