namespace AiWorkload.Messaging.Serialization;

/// <summary>The primitive types Service Bus carries as application property values; anything else fails at send, not in the broker.</summary>
internal static class ApplicationPropertyTypes
{
    public static bool IsSupported(object? value) => value is null
        or string or bool or byte or sbyte or short or ushort or int or uint or long or ulong
        or float or double or decimal or char or Guid or DateTime or DateTimeOffset or TimeSpan or Uri or byte[];

    public static void Check(string name, object? value, Type messageType)
    {
        if (!IsSupported(value))
        {
            throw new ArgumentException(
                $"Application property '{name}' of {messageType.Name} has type {value!.GetType().Name}, which Service Bus cannot carry: use a string, number, bool, Guid, date or time.");
        }
    }
}
