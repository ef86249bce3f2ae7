using AiWorkload.Messaging.Embedded;

namespace AiWorkload.Messaging.Administration.Runtime;

/// <summary>The counts, size and times that go into a queue or subscription description.</summary>
internal sealed record RuntimeSnapshot(EntityRuntimeProperties Counts, long SizeInBytes, EntityTimes Times)
{
    public static RuntimeSnapshot Of(EmbeddedServiceBus engine, string path) =>
        new(engine.GetRuntimeProperties(path), engine.GetSizeInBytes(path), engine.GetEntityTimes(path));
}
