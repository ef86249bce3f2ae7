using System.Runtime.InteropServices;

namespace AiWorkload.Catalog.Sqlite;

/// <summary>Feature vectors as raw little-endian doubles: exact, compact, and cheap to read back for training.</summary>
internal static class FeatureCodec
{
    public static byte[] Encode(IReadOnlyList<double> features) => MemoryMarshal.AsBytes(features.ToArray().AsSpan()).ToArray();

    public static double[] Decode(byte[] bytes) => MemoryMarshal.Cast<byte, double>(bytes).ToArray();
}
