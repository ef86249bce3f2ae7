namespace AiWorkload.Messaging.Embedded.Messages;

/// <summary>The primitive types Azure Service Bus accepts as application property values (the AMQP simple types).</summary>
public static class ApplicationPropertyValues
{
    public static bool IsSupported(object? value) => value is null
        or string or bool or byte or sbyte or short or ushort or int or uint or long or ulong
        or float or double or decimal or char or Guid or DateTime or DateTimeOffset or TimeSpan or Uri or byte[];
}
