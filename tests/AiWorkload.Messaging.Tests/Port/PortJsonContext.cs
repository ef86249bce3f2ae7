using System.Text.Json.Serialization;

namespace AiWorkload.Messaging.Tests.Port;

[JsonSerializable(typeof(Order))]
internal sealed partial class PortJsonContext : JsonSerializerContext;
