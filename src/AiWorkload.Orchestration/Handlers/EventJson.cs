using System.Text.Json.Serialization.Metadata;

namespace AiWorkload.Orchestration.Handlers;

/// <summary>The JSON contract of an event type, for the generic event handler to keep the body it received.</summary>
internal sealed record EventJson<T>(JsonTypeInfo<T> TypeInfo);
