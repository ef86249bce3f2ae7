namespace AiWorkload.Fuzz.Tests;

/// <summary>A generated body and the kind of hostility it carries (for the report); never a valid request by design for <see cref="HostileBodies.Broken"/>.</summary>
public sealed record HostileBody(string Kind, byte[] Bytes);
