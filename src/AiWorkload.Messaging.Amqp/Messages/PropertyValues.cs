using Microsoft.Azure.Amqp.Encoding;

namespace AiWorkload.Messaging.Amqp.Messages;

/// <summary>
/// Application property values between AMQP and the engine. The Service Bus clients send DateTimeOffset, TimeSpan and Uri
/// as described types with vendor descriptors; they come back the same way, so a typed property round-trips exactly.
/// </summary>
internal static class PropertyValues
{
    private static readonly AmqpSymbol DateTimeOffsetDescriptor = "com.microsoft:datetime-offset";
    private static readonly AmqpSymbol TimeSpanDescriptor = "com.microsoft:timespan";
    private static readonly AmqpSymbol UriDescriptor = "com.microsoft:uri";

    public static object? FromAmqp(object? value) => value switch
    {
        null => null,
        AmqpSymbol symbol => symbol.Value,
        ArraySegment<byte> bytes => bytes.ToArray(),
        DescribedType { Descriptor: AmqpSymbol d, Value: long ticks } when d.Equals(DateTimeOffsetDescriptor) => new DateTimeOffset(ticks, TimeSpan.Zero),
        DescribedType { Descriptor: AmqpSymbol d, Value: long ticks } when d.Equals(TimeSpanDescriptor) => TimeSpan.FromTicks(ticks),
        DescribedType { Descriptor: AmqpSymbol d, Value: string uri } when d.Equals(UriDescriptor) => new Uri(uri, UriKind.RelativeOrAbsolute),
        string or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or char or Guid or DateTime => value,
        _ => throw new ArgumentException($"Application property values of AMQP type {value.GetType().Name} are not supported."),
    };

    public static object? ToAmqp(object? value) => value switch
    {
        DateTimeOffset v => new DescribedType(DateTimeOffsetDescriptor, v.UtcTicks),
        TimeSpan v => new DescribedType(TimeSpanDescriptor, v.Ticks),
        Uri v => new DescribedType(UriDescriptor, v.IsAbsoluteUri ? v.AbsoluteUri : v.OriginalString),
        byte[] v => new ArraySegment<byte>(v),
        _ => value,
    };
}
