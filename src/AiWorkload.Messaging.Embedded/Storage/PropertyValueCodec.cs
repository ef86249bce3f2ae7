namespace AiWorkload.Messaging.Embedded.Storage;

/// <summary>Type-tagged encoding of the application property types Service Bus allows.</summary>
internal static class PropertyValueCodec
{
    private enum Tag : byte
    {
        Null, String, Bool, Byte, SByte, Int16, UInt16, Int32, UInt32, Int64, UInt64,
        Single, Double, Decimal, Char, Guid, DateTime, DateTimeOffset, TimeSpan, Uri, Bytes,
    }

    public static void Write(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.Write((byte)Tag.Null); break;
            case string v: writer.Write((byte)Tag.String); writer.Write(v); break;
            case bool v: writer.Write((byte)Tag.Bool); writer.Write(v); break;
            case byte v: writer.Write((byte)Tag.Byte); writer.Write(v); break;
            case sbyte v: writer.Write((byte)Tag.SByte); writer.Write(v); break;
            case short v: writer.Write((byte)Tag.Int16); writer.Write(v); break;
            case ushort v: writer.Write((byte)Tag.UInt16); writer.Write(v); break;
            case int v: writer.Write((byte)Tag.Int32); writer.Write(v); break;
            case uint v: writer.Write((byte)Tag.UInt32); writer.Write(v); break;
            case long v: writer.Write((byte)Tag.Int64); writer.Write(v); break;
            case ulong v: writer.Write((byte)Tag.UInt64); writer.Write(v); break;
            case float v: writer.Write((byte)Tag.Single); writer.Write(v); break;
            case double v: writer.Write((byte)Tag.Double); writer.Write(v); break;
            case decimal v: writer.Write((byte)Tag.Decimal); writer.Write(v); break;
            case char v: writer.Write((byte)Tag.Char); writer.Write((ushort)v); break;
            case Guid v: writer.Write((byte)Tag.Guid); writer.Write(v.ToByteArray()); break;
            case DateTime v: writer.Write((byte)Tag.DateTime); writer.Write(v.ToBinary()); break;
            case DateTimeOffset v: writer.Write((byte)Tag.DateTimeOffset); writer.Write(v.Ticks); writer.Write((short)v.Offset.TotalMinutes); break;
            case TimeSpan v: writer.Write((byte)Tag.TimeSpan); writer.Write(v.Ticks); break;
            case Uri v: writer.Write((byte)Tag.Uri); writer.Write(v.OriginalString); break;
            case byte[] v: writer.Write((byte)Tag.Bytes); writer.Write(v.Length); writer.Write(v); break;
            default: throw new ArgumentException($"Application property values of type {value.GetType()} are not supported.", nameof(value));
        }
    }

    public static object? Read(BinaryReader reader) => (Tag)reader.ReadByte() switch
    {
        Tag.Null => null,
        Tag.String => reader.ReadString(),
        Tag.Bool => reader.ReadBoolean(),
        Tag.Byte => reader.ReadByte(),
        Tag.SByte => reader.ReadSByte(),
        Tag.Int16 => reader.ReadInt16(),
        Tag.UInt16 => reader.ReadUInt16(),
        Tag.Int32 => reader.ReadInt32(),
        Tag.UInt32 => reader.ReadUInt32(),
        Tag.Int64 => reader.ReadInt64(),
        Tag.UInt64 => reader.ReadUInt64(),
        Tag.Single => reader.ReadSingle(),
        Tag.Double => reader.ReadDouble(),
        Tag.Decimal => reader.ReadDecimal(),
        Tag.Char => (char)reader.ReadUInt16(),
        Tag.Guid => new Guid(reader.ReadBytes(16)),
        Tag.DateTime => DateTime.FromBinary(reader.ReadInt64()),
        Tag.DateTimeOffset => new DateTimeOffset(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt16())),
        Tag.TimeSpan => TimeSpan.FromTicks(reader.ReadInt64()),
        Tag.Uri => new Uri(reader.ReadString(), UriKind.RelativeOrAbsolute),
        Tag.Bytes => reader.ReadBytes(reader.ReadInt32()),
        var tag => throw new InvalidDataException($"Unknown application property type tag {(byte)tag}."),
    };
}
